"""Screen pictures for the whole-system test: QEMU's screendump and the kiosk's own
--screenshot (turned into PPM by netpbm's pngtopnm), and how far apart two of them are.
"""


class Picture:
    def __init__(self, width, height, rgb):
        self.width = width
        self.height = height
        self.rgb = rgb  # bytes, 3 per pixel, rows top to bottom

    def pixel(self, x, y):
        i = 3 * (y * self.width + x)
        return self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]


def read_ppm(path):
    data = open(path, "rb").read()
    fields = []
    position = 0
    while len(fields) < 4:
        while data[position:position + 1].isspace():
            position += 1
        if data[position:position + 1] == b"#":
            position = data.index(b"\n", position) + 1
            continue
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    if fields[0] != b"P6" or int(fields[3]) != 255:
        raise ValueError(f"{path}: not an 8-bit binary PPM")
    width, height = int(fields[1]), int(fields[2])
    position += 1
    return Picture(width, height, data[position:position + 3 * width * height])


def difference(a, b, box=None, threshold=48):
    """Share of pixels (0..1) in BOX (x0, y0, x1, y1; default all) whose largest channel
    difference exceeds THRESHOLD, and the mean absolute difference per channel."""
    if (a.width, a.height) != (b.width, b.height):
        return 1.0, 255.0
    x0, y0, x1, y1 = box or (0, 0, a.width, a.height)
    differing, total, absolute = 0, 0, 0
    for y in range(y0, y1, 2):  # every other row and column: plenty for a screen, 4x faster
        start, end = 3 * (y * a.width + x0), 3 * (y * a.width + x1)
        row_a, row_b = a.rgb[start:end], b.rgb[start:end]
        for i in range(0, end - start, 6):
            d = max(abs(row_a[i] - row_b[i]), abs(row_a[i + 1] - row_b[i + 1]),
                    abs(row_a[i + 2] - row_b[i + 2]))
            absolute += d
            total += 1
            if d > threshold:
                differing += 1
    return differing / max(total, 1), absolute / max(total, 1)


def statistics(picture):
    """(mean brightness 0..255, number of distinct colours in a sample): a black screen or a
    text console has a dark mean and very few colours; the kiosk has many."""
    colours = set()
    brightness = 0
    samples = 0
    for i in range(0, len(picture.rgb) - 2, 3 * 97):
        r, g, b = picture.rgb[i], picture.rgb[i + 1], picture.rgb[i + 2]
        colours.add((r >> 3, g >> 3, b >> 3))
        brightness += (r + g + b) / 3
        samples += 1
    return brightness / max(samples, 1), len(colours)


def share_of_red(picture, box):
    """Share of the pixels in BOX in the kiosk's alarm red (the refusal card's edge and icon)."""
    x0, y0, x1, y1 = box
    red = total = 0
    for y in range(y0, y1, 2):
        row = picture.rgb[3 * (y * picture.width + x0):3 * (y * picture.width + x1)]
        for i in range(0, len(row), 6):
            total += 1
            if row[i] > 190 and row[i + 1] < 120 and row[i + 2] < 120:
                red += 1
    return red / max(total, 1)
