"""``{% responsive_image image alt as var %}``: the API's responsive image shape in a template."""

from django import template

from images.renditions import responsive_image as build_responsive_image

register = template.Library()


@register.simple_tag
def responsive_image(image, alt=""):
    """The same ``ResponsiveImage`` the API delivers (srcset in modern formats, width, height, alt)."""
    return build_responsive_image(image, alt=alt or "")
