"""After the writer's warm-up a first edit imports and compiles nothing.

The window has its writer run edits.warm_up while idle.  A user's first edit used to
pay for what the warm-up left: a typed date of another shape than the one it read
compiled the rules' patterns for it (650 ms once the user's pattern cache had been
emptied), and the stamp's user name imported a module.  Run in a process of its own
with an empty pattern cache, so that nothing an earlier test did is already there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.edits.test_survival import filled, source_file  # noqa: F401
from timeline.store import Store

SCRIPT = r"""
import json, sys
import _sre

from timeline import edits
from timeline.store import Store

store = Store(sys.argv[1])
edits.warm_up(store)
articles = [a.id for a in store.articles()]
events = [e.id for a in articles for e in store.events_of(a) if e.span_start is not None]
compiled = []
real = _sre.compile


def counting(pattern, *args):
    compiled.append(pattern)
    return real(pattern, *args)


_sre.compile = counting  # every regex compiles here, re.compile's and the rules' own
modules = set(sys.modules)
# The edits a user makes first, each date of a shape the warm-up did not read.
for event_id, typed in zip(events, ("٥ يونيو ٢٠٢٠", "Sept 2001", "أيار 2021")):
    edits.correct_mention(store, edits.mention_of_event(store, event_id), typed)
edits.correct_article(store, articles[0], "published", "May 22, 2021")
edits.add_event(store, "2021-05-22/2021-06-01", "label", articles[1])
edits.set_hidden(store, edits.article_target(store, articles[1]))
edits.set_tag(store, edits.article_target(store, articles[0]), "tag")
edits.correct_article(store, articles[0], "title", "title")
print(json.dumps({"imported": sorted(set(sys.modules) - modules), "compiled": compiled}))
"""


def test_a_first_edit_after_the_warm_up_imports_and_compiles_nothing(
    filled: Store,  # noqa: F811
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()  # empty: every pattern compiled from its source
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(filled.path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    assert found == {"imported": [], "compiled": []}
