"""A labelled set of posts of our own for the post matcher, unlike the demo's generator: other phrasings, typos,
slang, no geotag, distractors (the same words elsewhere or at another time, chatter nearby). Minutes are from the
incident's creation; positions are metres north and east of the incident (None: not geotagged)."""

from __future__ import annotations

INCIDENTS = {
    "fire": ("FIRE-BLD", "FIR/BLD", "27 Rue Paul Bert, Valmont"),
    "fight": ("FIGHT", "PSW/RIOT", "Place des Terreaux, Valmont"),
    "crash": ("RTA", "ROA/ACC", "Quai Claude Bernard, Valmont"),
}
# (post text, minutes after, (north m, east m) or None, the incident it is about or None)
POSTS: tuple[tuple[str, float, tuple[float, float] | None, str | None], ...] = (
    ("Des flammes sortent d'un appart rue Paul Bert, les pompiers sont là", 4, None, "fire"),
    ("gros incendei rue paul bert ???", 6, None, "fire"),
    ("omg the building on Paul Bert street is on fire", 9, None, "fire"),
    ("Fumée noire au-dessus du quartier, ça sent le brûlé", 3, (220, -80), "fire"),
    ("Pompiers partout près de chez moi, ça brule", 12, (-150, 60), "fire"),
    ("smoke everywhere, can't breathe outside", 15, (90, 120), "fire"),
    ("Le marché de Paul Bert est super ce matin", 5, (40, 10), None),
    ("Incendie hier soir à Villeurbanne, heureusement personne", 6, None, None),
    ("Barbecue sur le balcon, ça fume un peu haha", 7, (30, -20), "fire"),
    ("Feu de cheminée au chalet, trop bien", 20, (4000, 3000), None),
    ("Ça se tape place des Terreaux, 4 ou 5 mecs", 2, None, "fight"),
    ("bagare aux terreaux, la police arrive", 3, None, "fight"),
    ("Baston devant la fontaine, quelqu'un saigne", 4, (30, 25), "fight"),
    ("Fight right now at Terreaux square, guys throwing punches", 5, None, "fight"),
    ("des coups de couteau ?? j'ai vu du sang", 6, (60, -40), "fight"),
    ("Super concert place des Terreaux ce soir", 3, (20, 0), None),
    ("Match de foot, bagarre de supporters à Gerland", 5, (6000, 2000), None),
    ("Les Terreaux sont magnifiques illuminés", 8, None, None),
    ("Les flics partout aux terreaux", 7, (50, 50), None),
    ("rixe terreaux", 10, None, "fight"),
    ("Accident quai Claude Bernard, une moto au sol", 3, None, "crash"),
    ("carambolage sur le quai claude bernard, tout est bloqué", 6, (120, 40), "crash"),
    ("Crash on Claude Bernard quay, ambulance there", 8, None, "crash"),
    ("Une voiture a percuté un scooter sur les quais", 4, (250, -100), "crash"),
    ("bouchon monstre sur le quai", 10, (180, 0), "crash"),
    ("Joli coucher de soleil sur les quais du Rhône", 5, (100, 30), None),
    ("Accident de trottinette hier quai Claude Bernard", -300, None, None),
    ("Accident sur l'A7, 5 km de bouchon", 6, (15000, 2000), None),
    ("Les quais Claude Bernard enfin rénovés", 9, None, None),
    ("moto au sol quai bernard, ça a l'air grave", 5, (40, 30), "crash"),
)
