"""The live incident map: folium builds the page once, Leaflet runs from local files, batches keep it live."""
