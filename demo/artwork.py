"""Images for the demo site, drawn locally with Pillow (no downloads)."""

import io
import math

from PIL import Image, ImageDraw, ImageFilter

# The site's palette: deep teal on a pale mint, calm and readable.
TEAL = (11, 94, 102)
MINT = (224, 242, 239)
SKY = (160, 205, 214)

# Shapes are drawn and blurred at a quarter of the size, then scaled up:
# the result is soft anyway, and it is many times faster.
DRAFT_SCALE = 4


def abstract_artwork(width: int, height: int, seed: int = 0) -> bytes:
    """A soft teal gradient with overlapping circles, as JPEG bytes."""
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.composite(Image.new("RGB", (width, height), SKY), Image.new("RGB", (width, height), MINT), gradient)

    small = (max(width // DRAFT_SCALE, 1), max(height // DRAFT_SCALE, 1))
    overlay = Image.new("RGBA", small, (0, 0, 0, 0))
    shapes = ImageDraw.Draw(overlay)
    for index in range(7):
        angle = (seed + index) * 2.4
        cx = small[0] * (0.55 + 0.4 * math.cos(angle))
        cy = small[1] * (0.5 + 0.4 * math.sin(angle * 1.3))
        radius = min(small) * (0.18 + 0.05 * (index % 3))
        alpha = 40 + 12 * (index % 4)
        shapes.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=(*TEAL, alpha))
    overlay = overlay.filter(ImageFilter.GaussianBlur(radius=min(small) / 40)).resize((width, height))
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")

    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()
