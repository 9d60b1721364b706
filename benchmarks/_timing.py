"""The load test's server: each answer says where its time went, in a ``Server-Timing``
header (W3C Server Timing) the load test reads.

``app`` is the request's time in this process, wall clock; ``cpu`` the process's CPU time
in it (a sync worker serves one request at a time); ``db`` the time spent waiting on the
database. A request far slower at the client than ``app`` waited for a worker or for the
machine; one whose ``app`` is far above ``cpu + db`` waited for a CPU.
"""

import time

from django.db import connection


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        waited = [0.0]

        def timed_query(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                waited[0] += time.perf_counter() - started

        started, cpu_started = time.perf_counter(), time.process_time()
        with connection.execute_wrapper(timed_query):
            response = self.get_response(request)
        app = (time.perf_counter() - started) * 1000
        cpu = (time.process_time() - cpu_started) * 1000
        db = waited[0] * 1000
        response["Server-Timing"] = f"app;dur={app:.1f}, cpu;dur={cpu:.1f}, db;dur={db:.1f}"
        return response
