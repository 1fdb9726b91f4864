"""The frozen program's entry script: the same `timeline` command as the console script
(timeline/__main__.py: `extract` starts without click)."""

import multiprocessing

from timeline.__main__ import main

if __name__ == "__main__":
    # A worker process the import spawned (timeline.processes) runs its task here
    # instead of starting a second program.
    multiprocessing.freeze_support()
    main()
