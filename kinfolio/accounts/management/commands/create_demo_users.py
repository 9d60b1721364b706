from django.core.management.base import BaseCommand

from kinfolio.accounts.demo_users import DEMO_PASSWORD, create_demo_users


class Command(BaseCommand):
    help = "Create one demo sign-in per role and print them."

    def handle(self, *args, **options):
        sign_ins = create_demo_users()
        self.stdout.write(
            f"\nDemo sign-ins (synthetic data only), all with the password {DEMO_PASSWORD!r}:"
        )
        for sign_in in sign_ins:
            detail = f" — {sign_in.worker}" if sign_in.worker else ""
            self.stdout.write(f"  {sign_in.username:<28} {sign_in.role}{detail}")
