"""manage.py load_postcode_locations FILE... --published YYYY-MM-DD [--areas MK,NN]"""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinfolio.postcodes.loading import LoadRefused, load


class Command(BaseCommand):
    help = (
        "Load postcode locations from the ONS Postcode Directory (ONSPD) CSV or OS "
        "Code-Point Open CSV files you downloaded (Open Government Licence). All or nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--published",
            required=True,
            type=date.fromisoformat,
            help="The release date of the publication, e.g. 2025-05-01",
        )
        parser.add_argument(
            "--areas",
            default="",
            help="Only postcodes starting with these (comma-separated, e.g. MK,NN,LU)",
        )
        parser.add_argument("--source", default="", help="Name the publication differently")

    def handle(self, *args, files, published, areas, source, **options) -> None:
        try:
            result = load(files, published=published, areas=areas.split(","), source=source)
        except LoadRefused as refused:
            raise CommandError(f"Nothing loaded. {refused}") from refused
        self.stdout.write(
            f"Loaded {result.loaded:,} postcode locations from the {result.source} "
            f"of {published:%d %B %Y}; {result.without_location:,} postcodes had no location."
        )
