"""A size limit on uploads that refuses a file before reading it.

A request announcing more than the limit is answered at once, without reading its body (so before the CSRF
check, which would read it); a request that hides its size is cut off as soon as the limit is passed.
"""

from functools import wraps

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from ovoz.imports.files import IMPORT_MAX_BYTES, MB

# Room for the form's other fields and the multipart boundaries.
SLACK = 256 * 1024


class SizeLimitHandler(FileUploadHandler):
    """Stops receiving a file the moment it passes the limit; the view then says so."""

    def __init__(self, request=None, limit: int = IMPORT_MAX_BYTES):
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None


def too_large_response(request, size: int | None = None):
    return render(request, "imports/too_large.html", {
        "size_mb": round(size / MB, 1) if size else None, "max_mb": IMPORT_MAX_BYTES // MB,
    }, status=413)


def upload_limited(view):
    """Wrap an upload view: refuse bodies over the limit before reading them; keep the CSRF check otherwise."""
    protected = csrf_protect(view)

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST":
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > IMPORT_MAX_BYTES + SLACK:
                return too_large_response(request, length)
            request.upload_handlers.insert(0, SizeLimitHandler(request, limit=IMPORT_MAX_BYTES))
        return protected(request, *args, **kwargs)

    return wrapper
