"""gunicorn.conf.py: the workers start with the preloaded application out of the collector's reach."""

import gc
import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def test_the_master_freezes_the_preloaded_application_before_forking_a_worker():
    conf = runpy.run_path(str(CONF))
    assert conf["preload_app"] is True
    assert gc.get_freeze_count() == 0
    try:
        conf["pre_fork"](None, None)  # gunicorn passes the arbiter and the worker
        assert gc.get_freeze_count() > 10_000  # Django and the apps, as loaded in this process
    finally:
        gc.unfreeze()
