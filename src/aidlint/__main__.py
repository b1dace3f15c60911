from aidlint.cli import main

raise SystemExit(main())
