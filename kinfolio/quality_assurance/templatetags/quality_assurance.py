from django import template

from kinfolio.quality_assurance.selectors import audit_actions_for

register = template.Library()


@register.inclusion_tag("quality_assurance/_child_audit_actions.html")
def audit_actions(child):
    """Open actions from case file audits, for the child's record."""
    return {"audit_actions": list(audit_actions_for(child))}
