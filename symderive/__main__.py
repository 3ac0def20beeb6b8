from symderive.cli import main

raise SystemExit(main())
