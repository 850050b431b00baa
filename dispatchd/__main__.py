import sys

from dispatchd.cli import main

sys.exit(main())
