import gc
import importlib
import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolio.settings")
application = get_wsgi_application()

# What a server process loads at start (Django, every app's models, views and URLs)
# lives as long as the process. Frozen, it is left out of the garbage collector's full
# collections, which otherwise walk it during whichever request triggers one: tens of
# milliseconds on a quiet machine, hundreds under load, about one request in forty.
importlib.import_module(settings.ROOT_URLCONF)
gc.freeze()
