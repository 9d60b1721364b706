from kinfolio.assessments.models import Assessment
from kinfolio.referrals.invariants import outside_episode, report


def assessments_within_their_episode() -> list[str]:
    """An assessment starts on or after its referral, within the episode, for its child."""
    return report(
        outside_episode(Assessment, start="start_date"), "outside its child in need episode"
    )


CHECKS = [assessments_within_their_episode]
