import sys

from exonym.cli import main

sys.exit(main())
