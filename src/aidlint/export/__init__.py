"""Write a design back out as text: DOT (through pydot), Mermaid, or the aidlint DSL.

Used by `aidlint export` to move a design between formats, and by the tests to keep the DOT and
Mermaid twins of the shipped designs honest.
"""

WRITERS = {"dot": "aidlint.export.dot", "mermaid": "aidlint.export.mermaid", "aidl": "aidlint.export.aidl"}
