import os

from django.core.wsgi import get_wsgi_application
from django.db import connection

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lushan_portal.settings")
application = get_wsgi_application()

# Refuse to serve with a FIELD_ENCRYPTION_KEY that does not match the data (accounts.keycheck).
from accounts.keycheck import field_key_check  # noqa: E402

field_key_check()

# jieba's dictionary (about a second): loaded here, once per process (before the fork with
# gunicorn --preload), not on the first search.
from lushan_portal.text_search import warm_up  # noqa: E402

warm_up()
connection.close()  # not shared with workers forked after a preload
