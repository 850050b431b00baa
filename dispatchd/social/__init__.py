"""Social-media and online-media watch: posts collected by connectors, watch rules shared by the consoles."""
