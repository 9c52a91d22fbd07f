from django import template

from ovoz.safety.quick_exit import exit_url

register = template.Library()


@register.inclusion_tag("safety/_quick_exit.html")
def quick_exit():
    """The quick-exit button of every page (base.html), with the neutral page it leads to."""
    return {"exit_url": exit_url()}
