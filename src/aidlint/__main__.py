from aidlint.cli import run

run()
