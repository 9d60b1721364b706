from django.core.paginator import Paginator
from django.shortcuts import render

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.lado.selectors import allegations_for

PAGE_SIZE = 50


@permission_required(Permission.MANAGE_LADO)
def allegations(request):
    open_only = request.GET.get("show") != "all"
    mine = request.GET.get("officer") == "me"
    rows = allegations_for(request.user, open_only=open_only, mine=mine)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "lado/allegations.html",
        {"page": page, "open_only": open_only, "mine": mine},
    )
