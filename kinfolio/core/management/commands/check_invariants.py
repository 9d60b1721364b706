from django.core.management.base import BaseCommand, CommandError

from kinfolio.core.invariants import all_checks, violations


class Command(BaseCommand):
    help = "Check every rule about the whole history (after an import or a generation)."

    def handle(self, *args, **options):
        found = violations()
        for check, problems in found.items():
            self.stdout.write(f"{check}: {len(problems)} problem(s), e.g. {problems[:3]}")
        if found:
            raise CommandError(f"{sum(map(len, found.values()))} invariant violation(s)")
        self.stdout.write(f"All {len(all_checks())} invariant checks pass.")
