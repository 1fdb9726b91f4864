"""The frozen program's entry script: the same `timeline` command as the console script."""

from timeline.cli import main

if __name__ == "__main__":
    main()
