"""The codebook to print: PDF or DOCX of the codes the person may see, in the language she chooses."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.text import slugify

from ovoz.analysis.codebook_print import FORMATS, LANGUAGES, codebook_file
from ovoz.analysis.views.codebook_common import programme_codes, programme_for_analysis


@login_required
def codebook_print_view(request, programme_id: int, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    programme = programme_for_analysis(request.user, programme_id)
    language = request.GET.get("lang") or translation.get_language() or "en"
    language = language[:2] if language[:2] in LANGUAGES else "en"
    codes = list(programme_codes(request.user, programme, include_retired=False))
    data = codebook_file(programme, codes, fmt=fmt, language=language)
    response = HttpResponse(data, content_type=FORMATS[fmt])
    name = slugify(f"codebook {programme.pk} {language}")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
