<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
  <context>
    <name>console</name>
    <message>
      <location filename="../../console/admin/install.py" />
      <source>Administration</source>
      <translation>Administration</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Accounts</source>
      <translation>Comptes</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Agencies alerted (police; fire; ems…)</source>
      <translation>Services alertés (police ; fire ; ems…)</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <location filename="../../console/views/dispatch_panel.py" />
      <location filename="../../console/views/unit_board.py" />
      <source>Agency</source>
      <translation>Service</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Archive URL</source>
      <translation>URL de l’enregistrement</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <location filename="../../console/views/dispatch_panel.py" />
      <location filename="../../console/views/unit_board.py" />
      <source>Callsign</source>
      <translation>Indicatif</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <location filename="../../console/map/panel.py" />
      <source>Cameras</source>
      <translation>Caméras</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Disabled</source>
      <translation>Désactivé</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>EIDO type</source>
      <translation>Type EIDO</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>EMSI category</source>
      <translation>Catégorie EMSI</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Field account (photos from the field)</source>
      <translation>Compte terrain (photos du terrain)</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Home sector</source>
      <translation>Secteur de rattachement</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Id</source>
      <translation>Identifiant</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Incident types</source>
      <translation>Types d’intervention</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <location filename="../../console/alerting/panel.py" />
      <source>Kind</source>
      <translation>Nature</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <location filename="../../console/operations/new_incident.py" />
      <source>Latitude</source>
      <translation>Latitude</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Login (kept apart)</source>
      <translation>Identifiant (conservé à part)</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <location filename="../../console/operations/new_incident.py" />
      <source>Longitude</source>
      <translation>Longitude</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Main stream URL</source>
      <translation>URL du flux principal</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Name in English</source>
      <translation>Nom en anglais</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Name in French</source>
      <translation>Nom en français</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>New password</source>
      <translation>Nouveau mot de passe</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <location filename="../../console/views/login_dialog.py" />
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Priority (0–10)</source>
      <translation>Priorité (0–10)</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Role</source>
      <translation>Rôle</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <location filename="../../console/map/panel.py" />
      <source>Sectors</source>
      <translation>Secteurs</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Sub-stream URL</source>
      <translation>URL du flux secondaire</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <source>Tracker or TAK uid</source>
      <translation>Identifiant du traceur ou TAK</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <location filename="../../console/recording/logic/report.py" />
      <location filename="../../console/views/create_incident.py" />
      <location filename="../../console/views/dispatch_panel.py" />
      <location filename="../../console/views/incident_detail.py" />
      <location filename="../../console/views/incident_queue.py" />
      <location filename="../../console/views/unit_board.py" />
      <source>Type</source>
      <translation>Nature</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <location filename="../../console/map/panel.py" />
      <location filename="../../console/views/incident_queue.py" />
      <location filename="../../console/views/install.py" />
      <source>Units</source>
      <translation>Unités</translation>
    </message>
    <message>
      <location filename="../../console/admin/logic/forms.py" />
      <location filename="../../console/views/login_dialog.py" />
      <source>User name</source>
      <translation>Identifiant</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <source>A sector of {count} corners is drawn: name it and save.</source>
      <translation>Un secteur de {count} sommets est tracé : nommez-le et enregistrez.</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <source>Could not read {path}: {exc}</source>
      <translation>Impossible de lire {path} : {exc}</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <source>Disable</source>
      <translation>Désactiver</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>Draw on the map…</source>
      <translation>Tracer sur la carte…</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <source>Draw the sector on the map (click the corners, double-click the last) or import a GeoJSON file, then name it and save.</source>
      <translation>Tracez le secteur sur la carte (cliquez les sommets, double-cliquez le dernier) ou importez un fichier GeoJSON, puis nommez-le et enregistrez.</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <source>GeoJSON (*.geojson *.json)</source>
      <translation>GeoJSON (*.geojson *.json)</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <source>Import GeoJSON…</source>
      <translation>Importer un GeoJSON…</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <source>Import sectors</source>
      <translation>Importer des secteurs</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <location filename="../../console/views/incident_queue.py" />
      <location filename="../../console/views/major_events_panel.py" />
      <source>New</source>
      <translation>Nouvelle</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <source>Play this address (with its login) before saving it</source>
      <translation>Lire cette adresse (avec son identifiant) avant de l’enregistrer</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <source>Retire</source>
      <translation>Retirer</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>Save</source>
      <translation>Enregistrer</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <source>Test stream</source>
      <translation>Tester le flux</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <source>an address to test</source>
      <translation>une adresse à tester</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <source>unchanged when empty</source>
      <translation>inchangé si vide</translation>
    </message>
    <message>
      <location filename="../../console/admin/panel.py" />
      <source>{count} sectors sent from {path}</source>
      <translation>{count} secteurs envoyés depuis {path}</translation>
    </message>
    <message>
      <location filename="../../console/alerting/install.py" />
      <location filename="../../console/views/main_window.py" />
      <source>Alerts</source>
      <translation>Alertes</translation>
    </message>
    <message>
      <location filename="../../console/alerting/panel.py" />
      <location filename="../../console/social_watch/alert_bar.py" />
      <location filename="../../console/views/alerts.py" />
      <source>Acknowledge</source>
      <translation>Acquitter</translation>
    </message>
    <message>
      <location filename="../../console/alerting/panel.py" />
      <source>Acknowledge all</source>
      <translation>Tout acquitter</translation>
    </message>
    <message>
      <location filename="../../console/alerting/panel.py" />
      <source>Acknowledge all ({pending})</source>
      <translation>Tout acquitter ({pending})</translation>
    </message>
    <message>
      <location filename="../../console/alerting/panel.py" />
      <source>Acknowledged</source>
      <translation>Acquittée</translation>
    </message>
    <message>
      <location filename="../../console/alerting/panel.py" />
      <source>Alert</source>
      <translation>Alerte</translation>
    </message>
    <message>
      <location filename="../../console/alerting/panel.py" />
      <location filename="../../console/palette/dialog.py" />
      <source>Camera</source>
      <translation>Caméra</translation>
    </message>
    <message>
      <location filename="../../console/alerting/panel.py" />
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <location filename="../../console/palette/dialog.py" />
      <location filename="../../console/recording/logic/report.py" />
      <location filename="../../console/videowall/tag_dialog.py" />
      <location filename="../../console/views/install.py" />
      <location filename="../../console/views/unit_board.py" />
      <source>Incident</source>
      <translation>Intervention</translation>
    </message>
    <message>
      <location filename="../../console/alerting/panel.py" />
      <source>PENDING</source>
      <translation>EN ATTENTE</translation>
    </message>
    <message>
      <location filename="../../console/alerting/panel.py" />
      <source>Social spike</source>
      <translation>Pic sur les réseaux</translation>
    </message>
    <message>
      <location filename="../../console/alerting/panel.py" />
      <location filename="../../console/recording/logic/report.py" />
      <location filename="../../console/views/incident_detail.py" />
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <location filename="../../console/alerting/panel.py" />
      <source>{acknowledged_by} at {time:%H:%M:%S}</source>
      <translation>{acknowledged_by} à {time:%H:%M:%S}</translation>
    </message>
    <message>
      <location filename="../../console/alerting/panel.py" />
      <source>{number} {type_text} (priority {priority})</source>
      <translation>{number} {type_text} (priorité {priority})</translation>
    </message>
    <message>
      <location filename="../../console/backend/client.py" />
      <source>HTTP {status_code}</source>
      <translation>HTTP {status_code}</translation>
    </message>
    <message>
      <location filename="../../console/backend/client.py" />
      <source>Log in to the dispatch backend.</source>
      <translation>Connectez-vous au serveur de commandement.</translation>
    </message>
    <message>
      <location filename="../../console/backend/client.py" />
      <source>No dispatch backend address is set.</source>
      <translation>Aucune adresse de serveur de commandement n'est réglée.</translation>
    </message>
    <message>
      <location filename="../../console/backend/client.py" />
      <source>Your account is locked until {time} after too many failed logins: ask a supervisor to unlock it.</source>
      <translation>Votre compte est verrouillé jusqu'à {time} après trop d'échecs de connexion : demandez à un superviseur de le déverrouiller.</translation>
    </message>
    <message>
      <location filename="../../console/backend/client.py" />
      <source>cannot reach the dispatch backend at {base_url} ({error})</source>
      <translation>serveur de commandement injoignable à {base_url} ({error})</translation>
    </message>
    <message>
      <location filename="../../console/backend/client.py" />
      <source>cannot reach the dispatch backend at {base_url}: {reason}</source>
      <translation>serveur de commandement injoignable à {base_url} : {reason}</translation>
    </message>
    <message>
      <location filename="../../console/backend/client.py" />
      <source>the dispatch backend answered {status_code}</source>
      <translation>le serveur de commandement a répondu {status_code}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>Could not {description}: commands are disabled in this mode.</source>
      <translation>Impossible de {description} : les commandes sont désactivées dans ce mode.</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>Could not {description}: not connected to a dispatch backend yet.</source>
      <translation>Impossible de {description} : pas encore connecté à un serveur de commandement.</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>Could not {description}: {reason}</source>
      <translation>Impossible de {description} : {reason}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <location filename="../../console/operations/timeline.py" />
      <source>EMS</source>
      <translation>SAMU</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>add a note to {number}</source>
      <translation>ajouter une note à {number}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>an unknown author</source>
      <translation>un auteur inconnu</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>cancel the warning</source>
      <translation>retirer l'alerte</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>change the major event</source>
      <translation>changer l’événement majeur</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>change the priority</source>
      <translation>changer la priorité</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>change the status</source>
      <translation>changer l’état</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>change the type</source>
      <translation>changer la nature</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>change the watch rule {name!r}</source>
      <translation>modifier la règle de veille {name!r}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>close the caller's link</source>
      <translation>fermer le lien de l’appelant</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>close {number}</source>
      <translation>clore {number}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>create the incident ({type_code})</source>
      <translation>créer l’intervention ({type_code})</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>create the watch rule {name!r}</source>
      <translation>créer la règle de veille {name!r}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>dismiss the suggested post</source>
      <translation>écarter la publication suggérée</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>fire brigade</source>
      <translation>les pompiers</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>gendarmerie</source>
      <translation>la gendarmerie</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>keep the live video's recording</source>
      <translation>conserver l’enregistrement du direct</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>link the post by {author} to {number}</source>
      <translation>rattacher la publication de {author} à {number}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>link {number} with {number2}</source>
      <translation>lier {number} à {number2}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>lock the clip as evidence</source>
      <translation>verrouiller l’extrait comme preuve</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>make a link for the caller of {number}</source>
      <translation>créer un lien pour l’appelant de {number}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>map the track {uid} to {callsign}</source>
      <translation>associer la piste {uid} à {callsign}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>merge {number} into {number2}</source>
      <translation>fusionner {number} dans {number2}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>police</source>
      <translation>la police</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>publish the warning</source>
      <translation>publier l'alerte</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>request the {agency} on {number}</source>
      <translation>demander {agency} sur {number}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>retire {entity_id}</source>
      <translation>retirer {entity_id}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>save the account {username}</source>
      <translation>enregistrer le compte {username}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>save {entity_id}</source>
      <translation>enregistrer {entity_id}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>send {callsign} to {number}</source>
      <translation>engager {callsign} sur {number}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>set {callsign} {status}</source>
      <translation>passer {callsign} {status}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>tag {seconds:.0f} s of video to {number}</source>
      <translation>rattacher {seconds:.0f} s de vidéo à {number}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>take {callsign} off {number}</source>
      <translation>désengager {callsign} de {number}</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>update the warning</source>
      <translation>mettre à jour l'alerte</translation>
    </message>
    <message>
      <location filename="../../console/backend/commands.py" />
      <source>{what} of {number}</source>
      <translation>{what} de {number}</translation>
    </message>
    <message>
      <location filename="../../console/backend/connection.py" />
      <source> (offline since {time:%H:%M:%S})</source>
      <translation> (hors ligne depuis {time:%H:%M:%S})</translation>
    </message>
    <message>
      <location filename="../../console/backend/connection.py" />
      <source> — retrying in {retry_in_s} s</source>
      <translation> — nouvel essai dans {retry_in_s} s</translation>
    </message>
    <message>
      <location filename="../../console/backend/connection.py" />
      <source>Cannot reach the dispatch backend at {backend_url}{retry}</source>
      <translation>Serveur de commandement injoignable à {backend_url}{retry}</translation>
    </message>
    <message>
      <location filename="../../console/backend/connection.py" />
      <source>Connected</source>
      <translation>Connecté</translation>
    </message>
    <message>
      <location filename="../../console/backend/connection.py" />
      <source>Connecting to {backend_url}…</source>
      <translation>Connexion à {backend_url}…</translation>
    </message>
    <message>
      <location filename="../../console/backend/connection.py" />
      <source>Disconnected</source>
      <translation>Déconnecté</translation>
    </message>
    <message>
      <location filename="../../console/backend/connection.py" />
      <source>Login required</source>
      <translation>Identification requise</translation>
    </message>
    <message>
      <location filename="../../console/backend/connection.py" />
      <source>Login required: {reason}</source>
      <translation>Identification requise : {reason}</translation>
    </message>
    <message>
      <location filename="../../console/backend/connection.py" />
      <source>Reconnecting{retry}{since}</source>
      <translation>Reconnexion{retry}{since}</translation>
    </message>
    <message>
      <location filename="../../console/backend/demo_backend.py" />
      <source>the demo backend did not become healthy in time</source>
      <translation>le serveur de démonstration n’est pas devenu opérationnel à temps</translation>
    </message>
    <message>
      <location filename="../../console/backend/demo_backend.py" />
      <source>the demo backend did not start in time</source>
      <translation>le serveur de démonstration n’a pas démarré à temps</translation>
    </message>
    <message>
      <location filename="../../console/backend/demo_backend.py" />
      <source>the demo backend stopped at start; see {log_path}</source>
      <translation>le serveur de démonstration s’est arrêté au démarrage ; voir {log_path}</translation>
    </message>
    <message>
      <location filename="../../console/backend/event_stream.py" />
      <source>event {seq} does not follow what the console holds</source>
      <translation>l'événement {seq} ne fait pas suite à ce que la console détient</translation>
    </message>
    <message>
      <location filename="../../console/backend/event_stream.py" />
      <source>events {before}–{through} are missing on the backend</source>
      <translation>les événements {before}–{through} manquent sur le serveur</translation>
    </message>
    <message>
      <location filename="../../console/backend/event_stream.py" />
      <source>the catch-up itself has a gap after {last_seq}</source>
      <translation>le rattrapage lui-même a un trou après {last_seq}</translation>
    </message>
    <message>
      <location filename="../../console/backend/event_stream.py" />
      <source>the event stream was closed by the backend</source>
      <translation>le flux d’événements a été fermé par le serveur</translation>
    </message>
    <message>
      <location filename="../../console/backend/outbox.py" />
      <source>Could not {description}: {refused}</source>
      <translation>Impossible de {description} : {refused}</translation>
    </message>
    <message>
      <location filename="../../console/backend/queries.py" />
      <source>Could not {what}: {exc}</source>
      <translation>Impossible de {what} : {exc}</translation>
    </message>
    <message>
      <location filename="../../console/backend/queries.py" />
      <source>attach the snapshot to the incident</source>
      <translation>joindre la capture à l’intervention</translation>
    </message>
    <message>
      <location filename="../../console/backend/queries.py" />
      <source>count the incidents by place</source>
      <translation>compter les interventions par lieu</translation>
    </message>
    <message>
      <location filename="../../console/backend/queries.py" />
      <source>download the media</source>
      <translation>télécharger le média</translation>
    </message>
    <message>
      <location filename="../../console/backend/queries.py" />
      <source>export the incident as {format}</source>
      <translation>exporter l’intervention en {format}</translation>
    </message>
    <message>
      <location filename="../../console/backend/queries.py" />
      <source>get the camera's login</source>
      <translation>obtenir l’identifiant de la caméra</translation>
    </message>
    <message>
      <location filename="../../console/backend/queries.py" />
      <source>list the accounts</source>
      <translation>lister les comptes</translation>
    </message>
    <message>
      <location filename="../../console/backend/queries.py" />
      <source>load the incident's timeline</source>
      <translation>charger la main courante de l’intervention</translation>
    </message>
    <message>
      <location filename="../../console/backend/queries.py" />
      <source>look for earlier incidents at this place</source>
      <translation>chercher les interventions antérieures en ce lieu</translation>
    </message>
    <message>
      <location filename="../../console/backend/queries.py" />
      <source>look for posts about the incident</source>
      <translation>chercher les publications sur l’intervention</translation>
    </message>
    <message>
      <location filename="../../console/backend/queries.py" />
      <source>look for the same incident</source>
      <translation>chercher la même intervention</translation>
    </message>
    <message>
      <location filename="../../console/backend/queries.py" />
      <source>the file of media {id} does not match its sha256</source>
      <translation>le fichier du média {id} ne correspond pas à son sha256</translation>
    </message>
    <message>
      <location filename="../../console/backend/queries.py" />
      <source>this console</source>
      <translation>cette console</translation>
    </message>
    <message>
      <location filename="../../console/backend/transport.py" />
      <source>The backend address {url} is not an http:// or https:// address.</source>
      <translation>L'adresse du serveur {url} n'est pas une adresse http:// ou https://.</translation>
    </message>
    <message>
      <location filename="../../console/backend/transport.py" />
      <source>The backend address {url} is not encrypted: use https://, or start the console with --insecure on a network you trust.</source>
      <translation>L'adresse du serveur {url} n'est pas chiffrée : utilisez https://, ou lancez la console avec --insecure sur un réseau de confiance.</translation>
    </message>
    <message>
      <location filename="../../console/backend/transport.py" />
      <source>its certificate is not trusted ({reason})</source>
      <translation>son certificat n'est pas reconnu ({reason})</translation>
    </message>
    <message>
      <location filename="../../console/backend/transport.py" />
      <source>no encrypted connection could be set up ({reason})</source>
      <translation>aucune connexion chiffrée n'a pu être établie ({reason})</translation>
    </message>
    <message>
      <location filename="../../console/cli.py" />
      <source>{record} already exists: record into a new file.</source>
      <translation>{record} existe déjà : enregistrez dans un nouveau fichier.</translation>
    </message>
    <message>
      <location filename="../../console/domain/priority.py" />
      <source>CRITICAL</source>
      <translation>CRITIQUE</translation>
    </message>
    <message>
      <location filename="../../console/domain/priority.py" />
      <source>HIGH</source>
      <translation>HAUTE</translation>
    </message>
    <message>
      <location filename="../../console/domain/priority.py" />
      <source>LOW</source>
      <translation>BASSE</translation>
    </message>
    <message>
      <location filename="../../console/domain/priority.py" />
      <source>MEDIUM</source>
      <translation>MOYENNE</translation>
    </message>
    <message>
      <location filename="../../console/domain/safe_text.py" />
      <source>… ({more} more characters)</source>
      <translation>… ({more} caractères de plus)</translation>
    </message>
    <message>
      <location filename="../../console/domain/timefmt.py" />
      <source>{seconds} min</source>
      <translation>{seconds} min</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Camera or video</source>
      <translation>Caméra ou vidéo</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Clip exported to {folder} (manifest sha256 {digest}…).</source>
      <translation>Extrait exporté dans {folder} (manifeste sha256 {digest}…).</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Evidence</source>
      <translation>Preuve</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Export</source>
      <translation>Exporter</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Export the clip into a new or empty folder</source>
      <translation>Exporter l’extrait dans un dossier nouveau ou vide</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Exporting the clip…</source>
      <translation>Export de l’extrait…</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Exporting the clip… {megabytes} MB</source>
      <translation>Export de l’extrait… {megabytes} Mo</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Export…</source>
      <translation>Exporter…</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Filter: camera, label, author, incident…</source>
      <translation>Filtre : caméra, étiquette, auteur, intervention…</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>LOCKED by {by} ({reason})</source>
      <translation>VERROUILLÉ par {by} ({reason})</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>Labels</source>
      <translation>Étiquettes</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Length</source>
      <translation>Durée</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Lock as evidence…</source>
      <translation>Verrouiller comme preuve…</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Lock the clip as evidence</source>
      <translation>Verrouiller l’extrait comme preuve</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Not connected to the dispatch backend: the clip cannot be exported now.</source>
      <translation>Pas de connexion au serveur de commandement : l’extrait ne peut pas être exporté maintenant.</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Play on the wall</source>
      <translation>Lire sur le mur</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Say why the clip is locked (a few words).</source>
      <translation>Dites pourquoi l’extrait est verrouillé (quelques mots).</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Select a clip to export.</source>
      <translation>Choisissez un extrait à exporter.</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Select a clip to lock.</source>
      <translation>Choisissez un extrait à verrouiller.</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Selected incident only</source>
      <translation>Intervention choisie seulement</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Start</source>
      <translation>Début</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Tagged by</source>
      <translation>Rattaché par</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>The clip's incident is not known to this console.</source>
      <translation>L’intervention de l’extrait est inconnue de cette console.</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>This clip is already locked as evidence.</source>
      <translation>Cet extrait est déjà verrouillé comme preuve.</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>Why (it cannot be changed or deleted afterwards):</source>
      <translation>Pourquoi (il ne pourra plus être modifié ni supprimé) :</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>video</source>
      <translation>vidéo</translation>
    </message>
    <message>
      <location filename="../../console/evidence/bookmarks_panel.py" />
      <source>video {name}</source>
      <translation>vidéo {name}</translation>
    </message>
    <message>
      <location filename="../../console/evidence/install.py" />
      <source>Clips</source>
      <translation>Extraits</translation>
    </message>
    <message>
      <location filename="../../console/evidence/logic/clip.py" />
      <source>A clip is at most {total_seconds:.0f} hours; mark a shorter one.</source>
      <translation>Un extrait dure au plus {total_seconds:.0f} heures ; marquez-en un plus court.</translation>
    </message>
    <message>
      <location filename="../../console/evidence/logic/clip.py" />
      <source>Mark the start (I) and the end (O) of the clip first.</source>
      <translation>Marquez d’abord le début (I) et la fin (O) de l’extrait.</translation>
    </message>
    <message>
      <location filename="../../console/evidence/logic/clip.py" />
      <source>The start and the end of the clip are the same frame.</source>
      <translation>Le début et la fin de l’extrait sont la même image.</translation>
    </message>
    <message>
      <location filename="../../console/evidence/logic/clip.py" />
      <source>This tile shows no picture with a time: nothing to tag.</source>
      <translation>Cette vignette ne montre aucune image horodatée : rien à rattacher.</translation>
    </message>
    <message>
      <location filename="../../console/evidence/logic/export.py" />
      <source>export the clip</source>
      <translation>exporter l’extrait</translation>
    </message>
    <message>
      <location filename="../../console/evidence/logic/export.py" />
      <source>{folder} is not empty: export into a new or empty folder.</source>
      <translation>{folder} n’est pas vide : exportez dans un dossier nouveau ou vide.</translation>
    </message>
    <message>
      <location filename="../../console/evidence/logic/manifest.py" />
      <source>TAMPERED: {problem}</source>
      <translation>ALTÉRÉ : {problem}</translation>
    </message>
    <message>
      <location filename="../../console/evidence/logic/manifest.py" />
      <source>{manifest} (its sha256 is not the one recorded in {manifest_hash})</source>
      <translation>{manifest} (son sha256 n’est pas celui inscrit dans {manifest_hash})</translation>
    </message>
    <message>
      <location filename="../../console/evidence/logic/manifest.py" />
      <source>{manifest} (unreadable)</source>
      <translation>{manifest} (illisible)</translation>
    </message>
    <message>
      <location filename="../../console/evidence/logic/manifest.py" />
      <source>{missing} (missing: is this an export folder?)</source>
      <translation>{missing} (absent : est-ce bien un dossier d’export ?)</translation>
    </message>
    <message>
      <location filename="../../console/evidence/logic/manifest.py" />
      <source>{name} (missing)</source>
      <translation>{name} (absent)</translation>
    </message>
    <message>
      <location filename="../../console/evidence/logic/manifest.py" />
      <source>{name} (not in the manifest)</source>
      <translation>{name} (absent du manifeste)</translation>
    </message>
    <message>
      <location filename="../../console/evidence/logic/manifest.py" />
      <source>{path} is not in the export folder {folder}</source>
      <translation>{path} n’est pas dans le dossier d’export {folder}</translation>
    </message>
    <message>
      <location filename="../../console/layout/install.py" />
      <source>Dark theme</source>
      <translation>Thème sombre</translation>
    </message>
    <message>
      <location filename="../../console/layout/install.py" />
      <source>High-contrast theme</source>
      <translation>Thème contrasté</translation>
    </message>
    <message>
      <location filename="../../console/layout/install.py" />
      <source>Layout</source>
      <translation>Disposition</translation>
    </message>
    <message>
      <location filename="../../console/layout/install.py" />
      <source>Light theme</source>
      <translation>Thème clair</translation>
    </message>
    <message>
      <location filename="../../console/layout/install.py" />
      <source>Look</source>
      <translation>Apparence</translation>
    </message>
    <message>
      <location filename="../../console/layout/install.py" />
      <source>Profile name (e.g. Supervisor — 3 screens):</source>
      <translation>Nom du profil (p. ex. Superviseur — 3 écrans) :</translation>
    </message>
    <message>
      <location filename="../../console/layout/install.py" />
      <source>Restore «{name}»</source>
      <translation>Rétablir « {name} »</translation>
    </message>
    <message>
      <location filename="../../console/layout/install.py" />
      <source>Save layout as…</source>
      <translation>Enregistrer la disposition sous…</translation>
    </message>
    <message>
      <location filename="../../console/layout/install.py" />
      <source>Save the layout</source>
      <translation>Enregistrer la disposition</translation>
    </message>
    <message>
      <location filename="../../console/layout/install.py" />
      <source>Screen {index} ({name})</source>
      <translation>Écran {index} ({name})</translation>
    </message>
    <message>
      <location filename="../../console/layout/install.py" />
      <source>Send panel to screen</source>
      <translation>Envoyer un panneau sur l’écran</translation>
    </message>
    <message>
      <location filename="../../console/layout/install.py" />
      <source>Text {scale}%</source>
      <translation>Texte {scale} %</translation>
    </message>
    <message>
      <location filename="../../console/layout/logic/placement.py" />
      <source>a window needs a size, not {w}×{h}</source>
      <translation>une fenêtre a besoin d’une taille, pas {w}×{h}</translation>
    </message>
    <message>
      <location filename="../../console/layout/logic/profile.py" />
      <source>Operator — 2 screens</source>
      <translation>Opérateur — 2 écrans</translation>
    </message>
    <message>
      <location filename="../../console/layout/logic/profile.py" />
      <source>Supervisor — 3 screens</source>
      <translation>Superviseur — 3 écrans</translation>
    </message>
    <message>
      <location filename="../../console/layout/logic/profile.py" />
      <source>Trainer — 1 screen</source>
      <translation>Formateur — 1 écran</translation>
    </message>
    <message>
      <location filename="../../console/layout/logic/profile.py" />
      <source>none saved yet</source>
      <translation>aucun enregistré</translation>
    </message>
    <message>
      <location filename="../../console/layout/logic/profile.py" />
      <source>there is no built-in layout profile {name!r}</source>
      <translation>il n’y a pas de profil de disposition intégré {name!r}</translation>
    </message>
    <message>
      <location filename="../../console/layout/logic/profile.py" />
      <source>there is no layout profile {name!r} (saved: {known})</source>
      <translation>il n’y a pas de profil de disposition {name!r} (enregistrés : {known})</translation>
    </message>
    <message>
      <location filename="../../console/layout/logic/profile.py" />
      <source>{source} cannot be read ({exc})</source>
      <translation>{source} est illisible ({exc})</translation>
    </message>
    <message>
      <location filename="../../console/layout/logic/profile.py" />
      <source>{source} was saved by a newer console; update it to use this profile</source>
      <translation>{source} a été enregistré par une console plus récente ; mettez-la à jour pour utiliser ce profil</translation>
    </message>
    <message>
      <location filename="../../console/layout/manager.py" />
      <source>Layout profile not applied: {exc}</source>
      <translation>Profil de disposition non appliqué : {exc}</translation>
    </message>
    <message>
      <location filename="../../console/layout/manager.py" />
      <source>Layout profile «{name}» saved</source>
      <translation>Profil de disposition « {name} » enregistré</translation>
    </message>
    <message>
      <location filename="../../console/layout/manager.py" />
      <source>Layout «{name}»: screen {missing} is not connected; its windows are on {name2} for now</source>
      <translation>Disposition « {name} » : l’écran {missing} n’est pas branché ; ses fenêtres sont sur {name2} pour l’instant</translation>
    </message>
    <message>
      <location filename="../../console/layout/manager.py" />
      <source>Screen {name} was unplugged: {moved} moved to {where}</source>
      <translation>L’écran {name} a été débranché : {moved} déplacé(s) sur {where}</translation>
    </message>
    <message>
      <location filename="../../console/layout/manager.py" />
      <source>Screen {screen} is connected: View ▸ Layout ▸ Restore «{name}» puts the panels back</source>
      <translation>L’écran {screen} est branché : Affichage ▸ Disposition ▸ Rétablir « {name} » remet les panneaux en place</translation>
    </message>
    <message>
      <location filename="../../console/layout/manager.py" />
      <source>There is no screen {index} (this workstation has {count}).</source>
      <translation>Il n’y a pas d’écran {index} (ce poste en a {count}).</translation>
    </message>
    <message>
      <location filename="../../console/layout/manager.py" />
      <source>the main window</source>
      <translation>la fenêtre principale</translation>
    </message>
    <message>
      <location filename="../../console/layout/manager.py" />
      <source>video wall</source>
      <translation>mur d’images</translation>
    </message>
    <message>
      <location filename="../../console/lock/install.py" />
      <source>Wrong password ({tries} of {most}).</source>
      <translation>Mot de passe erroné ({tries} sur {most}).</translation>
    </message>
    <message>
      <location filename="../../console/lock/lock_screen.py" />
      <source>Checking…</source>
      <translation>Vérification…</translation>
    </message>
    <message>
      <location filename="../../console/lock/lock_screen.py" />
      <source>Console locked</source>
      <translation>Console verrouillée</translation>
    </message>
    <message>
      <location filename="../../console/lock/lock_screen.py" />
      <source>Locked for {user}. The events keep arriving; type your password to go on.</source>
      <translation>Verrouillée pour {user}. Les événements continuent d'arriver ; tapez votre mot de passe pour reprendre.</translation>
    </message>
    <message>
      <location filename="../../console/lock/lock_screen.py" />
      <source>Password of {user}</source>
      <translation>Mot de passe de {user}</translation>
    </message>
    <message>
      <location filename="../../console/lock/lock_screen.py" />
      <source>Unlock</source>
      <translation>Déverrouiller</translation>
    </message>
    <message>
      <location filename="../../console/lock/lock_screen.py" />
      <source>Unlock it on the main window.</source>
      <translation>Déverrouillez-la sur la fenêtre principale.</translation>
    </message>
    <message>
      <location filename="../../console/map/centre_map.py" />
      <source>download the centre's base map</source>
      <translation>télécharger le fond de carte du centre</translation>
    </message>
    <message>
      <location filename="../../console/map/centre_map.py" />
      <source>the base map arrived damaged (sha256): fetched again at the next connection</source>
      <translation>le fond de carte est arrivé abîmé (sha256) : de nouveau téléchargé à la prochaine connexion</translation>
    </message>
    <message>
      <location filename="../../console/map/logic/hotspots.py" />
      <source>Incidents recorded, last {days} days</source>
      <translation>Interventions enregistrées, {days} derniers jours</translation>
    </message>
    <message>
      <location filename="../../console/map/logic/hotspots.py" />
      <source>Where incidents were recorded: not a prediction</source>
      <translation>Où des interventions ont été enregistrées : pas une prédiction</translation>
    </message>
    <message>
      <location filename="../../console/map/logic/hotspots.py" />
      <source>fights, violence</source>
      <translation>rixes, violences</translation>
    </message>
    <message>
      <location filename="../../console/map/logic/hotspots.py" />
      <source>fires</source>
      <translation>feux</translation>
    </message>
    <message>
      <location filename="../../console/map/logic/hotspots.py" />
      <source>gatherings</source>
      <translation>rassemblements</translation>
    </message>
    <message>
      <location filename="../../console/map/logic/hotspots.py" />
      <source>medical</source>
      <translation>secours à personne</translation>
    </message>
    <message>
      <location filename="../../console/map/logic/hotspots.py" />
      <source>other</source>
      <translation>autres</translation>
    </message>
    <message>
      <location filename="../../console/map/logic/hotspots.py" />
      <source>road accidents</source>
      <translation>accidents de la route</translation>
    </message>
    <message>
      <location filename="../../console/map/logic/hotspots.py" />
      <source>thefts, crime</source>
      <translation>vols, délits</translation>
    </message>
    <message>
      <location filename="../../console/map/logic/hotspots.py" />
      <source>{count} incidents: {parts}</source>
      <translation>{count} interventions : {parts}</translation>
    </message>
    <message>
      <location filename="../../console/map/logic/items.py" />
      <source> · position stale</source>
      <translation> · position périmée</translation>
    </message>
    <message>
      <location filename="../../console/map/logic/items.py" />
      <source>Caller {number}</source>
      <translation>Appelant {number}</translation>
    </message>
    <message>
      <location filename="../../console/map/logic/items.py" />
      <source>Dispatch to selected incident</source>
      <translation>Engager sur l’intervention choisie</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <location filename="../../console/views/incident_queue.py" />
      <source>All types</source>
      <translation>Toutes les natures</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Callers' phones</source>
      <translation>Téléphones des appelants</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Create incident here ({lat:.5f}, {lon:.5f})</source>
      <translation>Créer une intervention ici ({lat:.5f}, {lon:.5f})</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Fights and violence</source>
      <translation>Rixes et violences</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Find an incident number or a callsign, Enter</source>
      <translation>Numéro d’intervention ou indicatif, Entrée</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Fires</source>
      <translation>Feux</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Fit incidents</source>
      <translation>Cadrer les interventions</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Follow unit</source>
      <translation>Suivre l’unité</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Follow {callsign}</source>
      <translation>Suivre {callsign}</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Gatherings</source>
      <translation>Rassemblements</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Hot spots</source>
      <translation>Points chauds</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <location filename="../../console/recording/logic/report.py" />
      <location filename="../../console/views/major_events_panel.py" />
      <source>Incidents</source>
      <translation>Interventions</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Last 30 days</source>
      <translation>30 derniers jours</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Last 7 days</source>
      <translation>7 derniers jours</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Layers ▾</source>
      <translation>Calques ▾</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Map {label} to…</source>
      <translation>Associer {label} à…</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Medical</source>
      <translation>Secours à personne</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Off</source>
      <translation>Masqués</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Offline base map</source>
      <translation>Fond de carte hors ligne</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Other</source>
      <translation>Autres</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Road accidents</source>
      <translation>Accidents de la route</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Social posts</source>
      <translation>Publications</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Thefts and crime</source>
      <translation>Vols et délits</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Tiles: centre's tile server</source>
      <translation>Tuiles : serveur du centre</translation>
    </message>
    <message>
      <location filename="../../console/map/panel.py" />
      <source>Unmapped tracks</source>
      <translation>Pistes non associées</translation>
    </message>
    <message>
      <location filename="../../console/map/stand_in.py" />
      <source>Map (stand-in)</source>
      <translation>Carte (remplaçante)</translation>
    </message>
    <message>
      <location filename="../../console/operations/caller_invite.py" />
      <source>Caller link: {what}</source>
      <translation>Lien appelant : {what}</translation>
    </message>
    <message>
      <location filename="../../console/operations/caller_invite.py" />
      <source>caller located{accuracy} at {time:%H:%M:%S}</source>
      <translation>appelant localisé{accuracy} à {time:%H:%M:%S}</translation>
    </message>
    <message>
      <location filename="../../console/operations/caller_invite.py" />
      <location filename="../../console/operations/timeline.py" />
      <source>closed</source>
      <translation>close</translation>
    </message>
    <message>
      <location filename="../../console/operations/caller_invite.py" />
      <source>demo: not sent</source>
      <translation>démo : non envoyé</translation>
    </message>
    <message>
      <location filename="../../console/operations/caller_invite.py" />
      <source>expired</source>
      <translation>expiré</translation>
    </message>
    <message>
      <location filename="../../console/operations/caller_invite.py" />
      <source>in use</source>
      <translation>utilisé</translation>
    </message>
    <message>
      <location filename="../../console/operations/caller_invite.py" />
      <source>no number</source>
      <translation>sans numéro</translation>
    </message>
    <message>
      <location filename="../../console/operations/caller_invite.py" />
      <source>sent by SMS</source>
      <translation>envoyé par SMS</translation>
    </message>
    <message>
      <location filename="../../console/operations/caller_invite.py" />
      <source>sent by the SMS gateway</source>
      <translation>envoyé par la passerelle SMS</translation>
    </message>
    <message>
      <location filename="../../console/operations/caller_invite.py" />
      <source>until {time:%H:%M}</source>
      <translation>jusqu’à {time:%H:%M}</translation>
    </message>
    <message>
      <location filename="../../console/operations/caller_invite.py" />
      <source>waiting</source>
      <translation>en attente</translation>
    </message>
    <message>
      <location filename="../../console/operations/caller_invite.py" />
      <source>{state}, {count} items</source>
      <translation>{state}, {count} éléments</translation>
    </message>
    <message>
      <location filename="../../console/operations/field_link.py" />
      <source>TAK connected</source>
      <translation>TAK connecté</translation>
    </message>
    <message>
      <location filename="../../console/operations/field_link.py" />
      <source>TAK connecting…</source>
      <translation>TAK : connexion…</translation>
    </message>
    <message>
      <location filename="../../console/operations/field_link.py" />
      <source>TAK listening</source>
      <translation>TAK à l'écoute</translation>
    </message>
    <message>
      <location filename="../../console/operations/field_link.py" />
      <source>TAK server unreachable, retrying in {wait:.0f} s</source>
      <translation>Serveur TAK injoignable, nouvel essai dans {wait:.0f} s</translation>
    </message>
    <message>
      <location filename="../../console/operations/field_link.py" />
      <source>{tracks} tracks/min</source>
      <translation>{tracks} pistes/min</translation>
    </message>
    <message>
      <location filename="../../console/operations/field_link.py" />
      <source>{unmapped} unmapped</source>
      <translation>{unmapped} non associées</translation>
    </message>
    <message>
      <location filename="../../console/operations/linking.py" />
      <source>1 post may be about this incident</source>
      <translation>1 publication concerne peut-être cette intervention</translation>
    </message>
    <message>
      <location filename="../../console/operations/linking.py" />
      <source>Linked with {numbers}</source>
      <translation>Liée à {numbers}</translation>
    </message>
    <message>
      <location filename="../../console/operations/linking.py" />
      <source>merged here: {numbers}</source>
      <translation>fusionnées ici : {numbers}</translation>
    </message>
    <message>
      <location filename="../../console/operations/linking.py" />
      <source>merged into {number}</source>
      <translation>fusionnée dans {number}</translation>
    </message>
    <message>
      <location filename="../../console/operations/linking.py" />
      <source>posted {metres} m away</source>
      <translation>publiée à {metres} m</translation>
    </message>
    <message>
      <location filename="../../console/operations/linking.py" />
      <source>posted {metres} m away, names the place</source>
      <translation>publiée à {metres} m, nomme le lieu</translation>
    </message>
    <message>
      <location filename="../../console/operations/linking.py" />
      <source>says what and where</source>
      <translation>dit quoi et où</translation>
    </message>
    <message>
      <location filename="../../console/operations/linking.py" />
      <location filename="../../console/operations/timeline.py" />
      <location filename="../../console/social_watch/post_list.py" />
      <source>unknown author</source>
      <translation>auteur inconnu</translation>
    </message>
    <message>
      <location filename="../../console/operations/linking.py" />
      <source>{count} incidents here since {since}: {others}</source>
      <translation>{count} interventions ici depuis le {since} : {others}</translation>
    </message>
    <message>
      <location filename="../../console/operations/linking.py" />
      <source>{count} posts may be about this incident</source>
      <translation>{count} publications concernent peut-être cette intervention</translation>
    </message>
    <message>
      <location filename="../../console/operations/media_facts.py" />
      <source> · at {lat}, {lon}</source>
      <translation> · à {lat}, {lon}</translation>
    </message>
    <message>
      <location filename="../../console/operations/media_facts.py" />
      <source> · taken {time}</source>
      <translation> · prise le {time}</translation>
    </message>
    <message>
      <location filename="../../console/operations/media_facts.py" />
      <source> · taken {time} (camera clock)</source>
      <translation> · prise le {time} (horloge de l'appareil)</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <source>A callback number has only digits, spaces and + ( ) - .</source>
      <translation>Un numéro de rappel ne contient que des chiffres, des espaces et + ( ) - .</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <source>Another call, {who}</source>
      <translation>Autre appel, {who}</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <source>Another call, {who}: {said}</source>
      <translation>Autre appel, {who} : {said}</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <source>Choose the incident type</source>
      <translation>Choisissez la nature de l’intervention</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <source>Give the location: latitude and longitude (and the address if known)</source>
      <translation>Indiquez le lieu : latitude et longitude (et l’adresse si elle est connue)</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <source>Priority goes from 0 (lowest) to 10 (highest)</source>
      <translation>La priorité va de 0 (la plus basse) à 10 (la plus haute)</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <source>Priority must be a whole number from 0 to 10</source>
      <translation>La priorité est un nombre entier de 0 à 10</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <source>Unknown incident type {type_code!r}: choose one from the list</source>
      <translation>Nature d’intervention inconnue {type_code!r} : choisissez-en une dans la liste</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <location filename="../../console/social_watch/logic/time_ago.py" />
      <source>just now</source>
      <translation>à l’instant</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <source>unknown caller</source>
      <translation>appelant inconnu</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <source>{metres} m</source>
      <translation>{metres} m</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <source>{minutes} min ago</source>
      <translation>il y a {minutes} min</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <source>{what} must be a number</source>
      <translation>{what} doit être un nombre</translation>
    </message>
    <message>
      <location filename="../../console/operations/new_incident.py" />
      <source>{what} must be between {low:g} and {high:g}</source>
      <translation>{what} doit être entre {low:g} et {high:g}</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Environment</source>
      <translation>Environnement</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Expected</source>
      <translation>Attendue</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Extreme</source>
      <translation>Extrême</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <location filename="../../console/operations/timeline.py" />
      <location filename="../../console/views/incident_queue.py" />
      <source>Fire</source>
      <translation>Pompiers</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Future</source>
      <translation>Future</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Health</source>
      <translation>Santé</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Immediate</source>
      <translation>Immédiate</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Likely</source>
      <translation>Probable</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Minor</source>
      <translation>Mineure</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Moderate</source>
      <translation>Modérée</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Observed</source>
      <translation>Observée</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Possible</source>
      <translation>Possible</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Rescue</source>
      <translation>Secours</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Safety</source>
      <translation>Sécurité civile</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Security</source>
      <translation>Sûreté</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Severe</source>
      <translation>Grave</translation>
    </message>
    <message>
      <location filename="../../console/operations/public_warning.py" />
      <source>Transport</source>
      <translation>Transports</translation>
    </message>
    <message>
      <location filename="../../console/operations/setup_gaps.py" />
      <source>This centre is not set up yet: it has no {missing}. An administrator imports them on the backend; see samples/centre/README.md.</source>
      <translation>Ce centre n’est pas encore configuré : il n’a pas de {missing}. Un administrateur les importe sur le serveur ; voir samples/centre/README.md.</translation>
    </message>
    <message>
      <location filename="../../console/operations/setup_gaps.py" />
      <source>incident types (dispatchd import incident-types.csv)</source>
      <translation>types d’intervention (dispatchd import incident-types.csv)</translation>
    </message>
    <message>
      <location filename="../../console/operations/setup_gaps.py" />
      <source>sectors (dispatchd import sectors.geojson)</source>
      <translation>secteurs (dispatchd import sectors.geojson)</translation>
    </message>
    <message>
      <location filename="../../console/operations/setup_gaps.py" />
      <source>units (dispatchd import units.csv)</source>
      <translation>unités (dispatchd import units.csv)</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source> (within {metres:.0f} m)</source>
      <translation> (à {metres:.0f} m près)</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>(demo: not sent)</source>
      <translation>(démo : non envoyé)</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>A suggested post was dismissed: not about this incident</source>
      <translation>Une publication suggérée a été écartée : sans rapport avec cette intervention</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Ambulance</source>
      <translation>Ambulance</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Clip tagged, {source} {span}{labels}{note}</source>
      <translation>Extrait rattaché, {source} {span}{labels}{note}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Clip {span} changed{labels}</source>
      <translation>Extrait {span} modifié{labels}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Clip {span} locked as evidence by {by}: {reason}</source>
      <translation>Extrait {span} verrouillé comme preuve par {by} : {reason}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Clip {span} removed</source>
      <translation>Extrait {span} retiré</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <location filename="../../console/recording/logic/report.py" />
      <location filename="../../console/views/incident_queue.py" />
      <location filename="../../console/views/major_events_panel.py" />
      <source>Closed</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Created: {type_text}, {priority}, at {place}</source>
      <translation>Créée : {type_text}, {priority}, à {place}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Fire engine</source>
      <translation>Fourgon-pompe</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <location filename="../../console/views/incident_queue.py" />
      <source>Gendarmerie</source>
      <translation>Gendarmerie</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Link for pictures closed by the centre</source>
      <translation>Lien pour les images fermé par le centre</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Link for pictures expired</source>
      <translation>Lien pour les images expiré</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Link for pictures made for the caller, valid until {until:%H:%M}</source>
      <translation>Lien pour les images créé pour l’appelant, valable jusqu’à {until:%H:%M}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Link for pictures sent to {number} {how}, valid until {until:%H:%M}</source>
      <translation>Lien pour les images envoyé au {number} {how}, valable jusqu’à {until:%H:%M}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <location filename="../../console/social_watch/post_list.py" />
      <source>Mastodon</source>
      <translation>Mastodon</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Note: {text}</source>
      <translation>Note : {text}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Patrol car</source>
      <translation>Patrouille</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <location filename="../../console/views/incident_queue.py" />
      <source>Police</source>
      <translation>Police</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Rescue vehicle</source>
      <translation>VSAV</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>Social post linked: {author} on {where} at {posted:%H:%M}: «{text}» (sha256 {sha256}…)</source>
      <translation>Publication rattachée : {author} sur {where} à {posted:%H:%M} : « {text} » (sha256 {sha256}…)</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>The caller is showing live video: “{name}” is on the video wall's list</source>
      <translation>L’appelant filme en direct : « {name} » est dans la liste du mur d’images</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>The caller opened the link and sent something</source>
      <translation>L’appelant a ouvert le lien et envoyé un élément</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>The caller's live video ended</source>
      <translation>Le direct de l’appelant est terminé</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>The caller's phone moved{within}</source>
      <translation>Le téléphone de l’appelant s’est déplacé{within}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>The caller's phone shared its position{within}</source>
      <translation>Le téléphone de l’appelant a partagé sa position{within}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>a point on the map</source>
      <translation>un point de la carte</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>a video</source>
      <translation>une vidéo</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>active</source>
      <translation>active</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>an unknown source</source>
      <translation>une source inconnue</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>available</source>
      <translation>disponible</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>by SMS</source>
      <translation>par SMS</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>by the SMS gateway</source>
      <translation>par la passerelle SMS</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>cancelled</source>
      <translation>annulée</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>cleared</source>
      <translation>libérée</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>dispatched</source>
      <translation>engagée</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <location filename="../../console/views/incident_queue.py" />
      <source>en route</source>
      <translation>en route</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>grouped under a major event</source>
      <translation>rattachée à un événement majeur</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>linked with {numbers}</source>
      <translation>liée à {numbers}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>location → {coordinates}</source>
      <translation>lieu → {coordinates}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>merged into {number}: its units, media, notes and clips moved there</source>
      <translation>fusionnée dans {number} : ses unités, médias, notes et extraits y sont déplacés</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>new</source>
      <translation>nouvelle</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>new coordinates</source>
      <translation>nouvelles coordonnées</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <location filename="../../console/views/incident_queue.py" />
      <source>on scene</source>
      <translation>sur les lieux</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>out of service</source>
      <translation>hors service</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>priority {priority} → {priority2}</source>
      <translation>priorité {priority} → {priority2}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>social media (demo)</source>
      <translation>les réseaux sociaux (démo)</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>status {status} → {status2}</source>
      <translation>état {status} → {status2}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>the news</source>
      <translation>la presse</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>transporting</source>
      <translation>en transport</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>type {type_text} → {type_text2}</source>
      <translation>nature {type_text} → {type_text2}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>ungrouped</source>
      <translation>détachée de l’événement majeur</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>{agency} requested: {reason}</source>
      <translation>{agency} demandé(e) : {reason}</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>{numbers} merged into this incident</source>
      <translation>{numbers} fusionnée(s) dans cette intervention</translation>
    </message>
    <message>
      <location filename="../../console/operations/timeline.py" />
      <source>{what} received from {source}</source>
      <translation>{what} reçu de {source}</translation>
    </message>
    <message>
      <location filename="../../console/palette/dialog.py" />
      <location filename="../../console/recording/logic/report.py" />
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../console/palette/dialog.py" />
      <source>An action, an incident number, a callsign, a camera… (Esc closes)</source>
      <translation>Une action, un numéro d’intervention, un indicatif, une caméra… (Échap ferme)</translation>
    </message>
    <message>
      <location filename="../../console/palette/dialog.py" />
      <source>Go to…</source>
      <translation>Aller à…</translation>
    </message>
    <message>
      <location filename="../../console/palette/dialog.py" />
      <source>Unit</source>
      <translation>Unité</translation>
    </message>
    <message>
      <location filename="../../console/palette/install.py" />
      <source>Go to… (command palette)</source>
      <translation>Aller à… (palette de commandes)</translation>
    </message>
    <message>
      <location filename="../../console/recording/install.py" />
      <source>Could not write the report: {exception}</source>
      <translation>Impossible d’écrire le rapport : {exception}</translation>
    </message>
    <message>
      <location filename="../../console/recording/install.py" />
      <source>Export session report…</source>
      <translation>Exporter le rapport de session…</translation>
    </message>
    <message>
      <location filename="../../console/recording/install.py" />
      <source>Export the session report</source>
      <translation>Exporter le rapport de session</translation>
    </message>
    <message>
      <location filename="../../console/recording/install.py" />
      <source>HTML pages (*.html)</source>
      <translation>Pages HTML (*.html)</translation>
    </message>
    <message>
      <location filename="../../console/recording/install.py" />
      <source>Open a recorded session</source>
      <translation>Ouvrir une session enregistrée</translation>
    </message>
    <message>
      <location filename="../../console/recording/install.py" />
      <source>Open session… (replay in a new window)</source>
      <translation>Ouvrir une session… (rejouée dans une nouvelle fenêtre)</translation>
    </message>
    <message>
      <location filename="../../console/recording/install.py" />
      <source>Replaying {name}: {count} records</source>
      <translation>Relecture de {name} : {count} enregistrements</translation>
    </message>
    <message>
      <location filename="../../console/recording/install.py" />
      <source>Session report written to {target}</source>
      <translation>Rapport de session écrit dans {target}</translation>
    </message>
    <message>
      <location filename="../../console/recording/install.py" />
      <source>Sessions (*.session);;All files (*)</source>
      <translation>Sessions (*.session);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="../../console/recording/install.py" />
      <source>empty</source>
      <translation>vide</translation>
    </message>
    <message>
      <location filename="../../console/recording/install.py" />
      <source>nothing</source>
      <translation>rien</translation>
    </message>
    <message>
      <location filename="../../console/recording/install.py" />
      <source>selected {label}</source>
      <translation>sélection de {label}</translation>
    </message>
    <message>
      <location filename="../../console/recording/install.py" />
      <source>wall {layout_name}: {shown}</source>
      <translation>mur {layout_name} : {shown}</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <source>Created</source>
      <translation>Créée</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <source>From {start} to {end} ({length}); {events} events, {actions} operator actions.</source>
      <translation>Du {start} au {end} ({length}) ; {events} événements, {actions} actions d’opérateur.</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <source>No note.</source>
      <translation>Aucune note.</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <source>Operator actions</source>
      <translation>Actions des opérateurs</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <location filename="../../console/views/create_incident.py" />
      <location filename="../../console/views/incident_detail.py" />
      <location filename="../../console/views/incident_queue.py" />
      <source>Priority</source>
      <translation>Priorité</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <source>Response times</source>
      <translation>Délais d’intervention</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <source>Session report — {name}</source>
      <translation>Rapport de session — {name}</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <source>Trainers' notes</source>
      <translation>Notes des formateurs</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <location filename="../../console/views/incident_detail.py" />
      <source>What</source>
      <translation>Quoi</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <location filename="../../console/views/incident_detail.py" />
      <source>Who</source>
      <translation>Qui</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <source>before the session</source>
      <translation>avant la session</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <source>→ first dispatch</source>
      <translation>→ premier engagement</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/report.py" />
      <source>→ first on scene</source>
      <translation>→ première arrivée sur les lieux</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/session_file.py" />
      <source>There is no session file at {path}.</source>
      <translation>Il n’y a pas de fichier de session à {path}.</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/session_file.py" />
      <source>{name} has no readable session format version.</source>
      <translation>{name} n’a pas de version de format de session lisible.</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/session_file.py" />
      <source>{name} holds no recorded session.</source>
      <translation>{name} ne contient aucune session enregistrée.</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/session_file.py" />
      <source>{name} is damaged ({damage}); it cannot be replayed.</source>
      <translation>{name} est endommagé ({damage}) ; il ne peut pas être rejoué.</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/session_file.py" />
      <source>{name} is not a session file of this console.</source>
      <translation>{name} n’est pas un fichier de session de cette console.</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/session_file.py" />
      <source>{name} is not a session file, or a damaged one ({exc}).</source>
      <translation>{name} n’est pas un fichier de session, ou il est endommagé ({exc}).</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/session_file.py" />
      <source>{name} was recorded by a newer console (session format {version}; this console reads format {format_version}): update the console to replay it.</source>
      <translation>{name} a été enregistré par une console plus récente (format de session {version} ; cette console lit le format {format_version}) : mettez la console à jour pour le rejouer.</translation>
    </message>
    <message>
      <location filename="../../console/recording/logic/session_file.py" />
      <source>{path} already exists: record into a new file</source>
      <translation>{path} existe déjà : enregistrez dans un nouveau fichier</translation>
    </message>
    <message>
      <location filename="../../console/recording/replay_bar.py" />
      <source>Next marker ▶</source>
      <translation>Repère suivant ▶</translation>
    </message>
    <message>
      <location filename="../../console/recording/replay_bar.py" />
      <source>Notes ({count}) ▾</source>
      <translation>Notes ({count}) ▾</translation>
    </message>
    <message>
      <location filename="../../console/recording/replay_bar.py" />
      <source>REPLAY of {name} — {position} — commands are disabled</source>
      <translation>RELECTURE de {name} — {position} — les commandes sont désactivées</translation>
    </message>
    <message>
      <location filename="../../console/recording/replay_bar.py" />
      <source>Trainer's note at this time, Enter</source>
      <translation>Note du formateur à cet instant, Entrée</translation>
    </message>
    <message>
      <location filename="../../console/recording/replay_bar.py" />
      <source>▶ Play</source>
      <translation>▶ Lire</translation>
    </message>
    <message>
      <location filename="../../console/recording/replay_bar.py" />
      <source>◀ Previous marker</source>
      <translation>◀ Repère précédent</translation>
    </message>
    <message>
      <location filename="../../console/recording/replay_bar.py" />
      <source>❚❚ Pause</source>
      <translation>❚❚ Pause</translation>
    </message>
    <message>
      <location filename="../../console/run.py" />
      <source> — demo</source>
      <translation> — démonstration</translation>
    </message>
    <message>
      <location filename="../../console/run.py" />
      <source>Command console {version}</source>
      <translation>Console de commandement {version}</translation>
    </message>
    <message>
      <location filename="../../console/run.py" />
      <source>Command console {version} — replay of {name}</source>
      <translation>Console de commandement {version} — relecture de {name}</translation>
    </message>
    <message>
      <location filename="../../console/run.py" />
      <source>Demo backend failed: {exc}</source>
      <translation>Le serveur de démonstration a échoué : {exc}</translation>
    </message>
    <message>
      <location filename="../../console/run.py" />
      <source>Starting the demo backend…</source>
      <translation>Démarrage du serveur de démonstration…</translation>
    </message>
    <message>
      <location filename="../../console/run.py" />
      <source>The certificate authority file {path} cannot be used: {exc}</source>
      <translation>Le fichier d'autorité de certification {path} est inutilisable : {exc}</translation>
    </message>
    <message>
      <location filename="../../console/run.py" />
      <source>This session is not recorded: {exc}</source>
      <translation>Cette session n’est pas enregistrée : {exc}</translation>
    </message>
    <message>
      <location filename="../../console/settings.py" />
      <source>Your settings file could not be read ({exc}); it was set aside as {name} and the console started with its default settings.</source>
      <translation>Votre fichier de réglages était illisible ({exc}) ; il a été mis de côté sous le nom {name} et la console a démarré avec ses réglages par défaut.</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/alert_bar.py" />
      <source>Show posts</source>
      <translation>Voir les publications</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/charts.py" />
      <source>Last 24 h</source>
      <translation>Dernières 24 h</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/charts.py" />
      <source>Last hour</source>
      <translation>Dernière heure</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/charts.py" />
      <source>Posts per minute:</source>
      <translation>Publications par minute :</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/charts.py" />
      <source>{marker}{name}: {last_hour}/h, {counts} now</source>
      <translation>{marker}{name} : {last_hour}/h, {counts} maintenant</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/charts.py" />
      <source>{name} — not applied: {error}</source>
      <translation>{name} — non appliquée : {error}</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/charts.py" />
      <source>▲ SPIKE </source>
      <translation>▲ PIC </translation>
    </message>
    <message>
      <location filename="../../console/social_watch/install.py" />
      <source>Social watch</source>
      <translation>Veille réseaux sociaux</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/logic/spike_text.py" />
      <source>▲ SOCIAL SPIKE  {rule_name}: {count} posts this minute (usually {baseline}) at {time:%H:%M}</source>
      <translation>▲ PIC RÉSEAUX  {rule_name} : {count} publications cette minute (d’habitude {baseline}) à {time:%H:%M}</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/logic/time_ago.py" />
      <source>in {seconds} min</source>
      <translation>dans {seconds} min</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/logic/time_ago.py" />
      <source>{hours} h {minutes:02d} ago</source>
      <translation>il y a {hours} h {minutes:02d}</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/logic/time_ago.py" />
      <source>{seconds} d ago</source>
      <translation>il y a {seconds} j</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/logic/time_ago.py" />
      <source>{seconds} min ago</source>
      <translation>il y a {seconds} min</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/logic/time_ago.py" />
      <source>{seconds} s ago</source>
      <translation>il y a {seconds} s</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/panel.py" />
      <source>All rules</source>
      <translation>Toutes les règles</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/panel.py" />
      <source>Edit rule…</source>
      <translation>Modifier la règle…</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/panel.py" />
      <source>Every post (unfiltered)</source>
      <translation>Toutes les publications (sans filtre)</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/panel.py" />
      <source>New rule…</source>
      <translation>Nouvelle règle…</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/panel.py" />
      <source>No post matches ({name}) yet</source>
      <translation>Aucune publication retenue ({name}) pour l’instant</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/panel.py" />
      <source>Rule:</source>
      <translation>Règle :</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/panel.py" />
      <source>Select an incident first, then link the post to it.</source>
      <translation>Choisissez d’abord une intervention, puis rattachez-y la publication.</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/panel.py" />
      <source>{shown} matched posts ({name}), newest first</source>
      <translation>{shown} publications retenues ({name}), les plus récentes d’abord</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/post_detail.py" />
      <source>Choose a post to read it in full.</source>
      <translation>Choisissez une publication pour la lire en entier.</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/post_detail.py" />
      <source>Link target: {incident_number}</source>
      <translation>Intervention rattachée : {incident_number}</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/post_detail.py" />
      <source>Link to the selected incident</source>
      <translation>Rattacher à l’intervention choisie</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/post_detail.py" />
      <source>Linked to an incident by {by} at {time:%H:%M:%S}; sha256 {sha256}</source>
      <translation>Rattachée à une intervention par {by} à {time:%H:%M:%S} ; sha256 {sha256}</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/post_detail.py" />
      <source>Open link in browser</source>
      <translation>Ouvrir le lien dans le navigateur</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/post_detail.py" />
      <source>Show on map</source>
      <translation>Montrer sur la carte</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/post_list.py" />
      <source>Bluesky</source>
      <translation>Bluesky</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/post_list.py" />
      <source>Demo</source>
      <translation>Démo</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/post_list.py" />
      <source>LINKED</source>
      <translation>RATTACHÉE</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/post_list.py" />
      <source>News</source>
      <translation>Presse</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/post_list.py" />
      <source>geotagged</source>
      <translation>géolocalisée</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>: {text} of the posts of the last 24 h match</source>
      <translation> : {text} des publications des dernières 24 h correspondent</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <location filename="../../console/views/incident_queue.py" />
      <location filename="../../console/views/major_events_panel.py" />
      <source>Active</source>
      <translation>Active</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>Anywhere</source>
      <translation>Partout</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>Click the area's corners on the map; double-click the last one (Esc cancels).</source>
      <translation>Cliquez les sommets de la zone sur la carte ; double-cliquez le dernier (Échap annule).</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>Click the corners on the map; double-click the last one (Esc cancels)</source>
      <translation>Cliquez les sommets sur la carte ; double-cliquez le dernier (Échap annule)</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>English</source>
      <translation>Anglais</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>French</source>
      <translation>Français</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>In an area drawn on the map</source>
      <translation>Dans une zone tracée sur la carte</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>Keep: {label}</source>
      <translation>Garder : {label}</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>Languages (none: all)</source>
      <translation>Langues (aucune : toutes)</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>New watch rule</source>
      <translation>Nouvelle règle de veille</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>Query</source>
      <translation>Requête</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>Watch rule — {name}</source>
      <translation>Règle de veille — {name}</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>What the rule watches, e.g. Fights near the station</source>
      <translation>Ce que surveille la règle, p. ex. Rixes près de la gare</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>Where</source>
      <translation>Où</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>Within a distance of the selected incident</source>
      <translation>À une distance de l’intervention choisie</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>an area drawn on the map ({count} corners)</source>
      <translation>une zone tracée sur la carte ({count} sommets)</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>area</source>
      <translation>zone</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>bagarre OR rixe OR "coups de couteau"   (#tag, @user, AND, NOT, ( ))</source>
      <translation>bagarre OR rixe OR "coups de couteau"   (#tag, @compte, AND, NOT, ( ))</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>circle</source>
      <translation>cercle</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>other codes, e.g. ar, es</source>
      <translation>autres codes, p. ex. ar, es</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>polygon</source>
      <translation>polygone</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>the rule's {shape}</source>
      <translation>{shape} de la règle</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>within {radius} m of {number}</source>
      <translation>à moins de {radius} m de {number}</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>{text} — area of {count} corners drawn</source>
      <translation>{text} — zone de {count} sommets tracée</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>✔ query understood{found}</source>
      <translation>✔ requête comprise{found}</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>✖ Draw the area on the map first (Draw on the map…).</source>
      <translation>✖ Tracez d’abord la zone sur la carte (Tracer sur la carte…).</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>✖ Select an incident first (in the queue or on the map).</source>
      <translation>✖ Choisissez d’abord une intervention (dans la file ou sur la carte).</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/rule_editor.py" />
      <source>✖ The rule needs a name.</source>
      <translation>✖ La règle a besoin d’un nom.</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/sources_view.py" />
      <source>, all ok</source>
      <translation>, toutes ok</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/sources_view.py" />
      <source>, {failing} FAILING</source>
      <translation>, {failing} EN ÉCHEC</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/sources_view.py" />
      <source>; next try at {time:%H:%M:%S}</source>
      <translation> ; nouvel essai à {time:%H:%M:%S}</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/sources_view.py" />
      <source>Sources: {count}</source>
      <translation>Sources : {count}</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/sources_view.py" />
      <source>unknown error</source>
      <translation>erreur inconnue</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/sources_view.py" />
      <source>{mark} {name} — FAILING: {error}{retry}</source>
      <translation>{mark} {name} — EN ÉCHEC : {error}{retry}</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/sources_view.py" />
      <source>{mark} {name} — ok, {posts} posts</source>
      <translation>{mark} {name} — ok, {posts} publications</translation>
    </message>
    <message>
      <location filename="../../console/social_watch/sources_view.py" />
      <source>{mark} {name} — starting</source>
      <translation>{mark} {name} — démarrage</translation>
    </message>
    <message>
      <location filename="../../console/videowall/camera_list.py" />
      <location filename="../../console/videowall/tile.py" />
      <source>LIVE</source>
      <translation>DIRECT</translation>
    </message>
    <message>
      <location filename="../../console/videowall/camera_list.py" />
      <source>Search cameras…</source>
      <translation>Chercher une caméra…</translation>
    </message>
    <message>
      <location filename="../../console/videowall/camera_list.py" />
      <source>body-worn</source>
      <translation>caméra-piéton</translation>
    </message>
    <message>
      <location filename="../../console/videowall/camera_list.py" />
      <source>caller's phone</source>
      <translation>téléphone d’appelant</translation>
    </message>
    <message>
      <location filename="../../console/videowall/camera_list.py" />
      <source>drone</source>
      <translation>drone</translation>
    </message>
    <message>
      <location filename="../../console/videowall/camera_list.py" />
      <source>ended</source>
      <translation>terminé</translation>
    </message>
    <message>
      <location filename="../../console/videowall/camera_list.py" />
      <source>fixed</source>
      <translation>fixe</translation>
    </message>
    <message>
      <location filename="../../console/videowall/camera_list.py" />
      <source>offline</source>
      <translation>hors ligne</translation>
    </message>
    <message>
      <location filename="../../console/videowall/camera_list.py" />
      <source>online</source>
      <translation>en ligne</translation>
    </message>
    <message>
      <location filename="../../console/videowall/camera_list.py" />
      <source>unknown</source>
      <translation>inconnu</translation>
    </message>
    <message>
      <location filename="../../console/videowall/camera_list.py" />
      <source>upload</source>
      <translation>envoi</translation>
    </message>
    <message>
      <location filename="../../console/videowall/install.py" />
      <location filename="../../console/videowall/panel.py" />
      <source>Video wall</source>
      <translation>Mur d’images</translation>
    </message>
    <message>
      <location filename="../../console/videowall/install.py" />
      <source>Wall layout</source>
      <translation>Disposition du mur</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>Matroska</source>
      <translation>Matroska</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>a {container} picture, not a video</source>
      <translation>une image {container}, pas une vidéo</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>camera does not answer (timed out)</source>
      <translation>la caméra ne répond pas (délai dépassé)</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>camera refused the connection</source>
      <translation>la caméra a refusé la connexion</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>camera refused the credentials ({protocol} {status})</source>
      <translation>la caméra a refusé les identifiants ({protocol} {status})</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>camera unreachable ({exc})</source>
      <translation>caméra injoignable ({exc})</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>cannot decode the picture (unsupported codec or damaged data)</source>
      <translation>image indécodable (codec non pris en charge ou données endommagées)</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>cannot use this address ({scheme} scheme, no host or port)</source>
      <translation>adresse inutilisable (schéma {scheme}, sans hôte ni port)</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>damaged or unsupported {container} file</source>
      <translation>fichier {container} endommagé ou non pris en charge</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>end of the file</source>
      <translation>fin du fichier</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>file not found</source>
      <translation>fichier introuvable</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>no</source>
      <translation>aucun</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>no picture in this {container} file (sound only)</source>
      <translation>pas d’image dans ce fichier {container} (son seulement)</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>no such stream on the camera ({protocol} {status})</source>
      <translation>ce flux n’existe pas sur la caméra ({protocol} {status})</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>not a file</source>
      <translation>pas un fichier</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>not a video file, or a damaged one</source>
      <translation>pas un fichier vidéo, ou un fichier endommagé</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>stream ended</source>
      <translation>flux terminé</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>the camera answered {protocol} {status}</source>
      <translation>la caméra a répondu {protocol} {status}</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>the file cannot be read ({exc})</source>
      <translation>le fichier est illisible ({exc})</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>the file is empty</source>
      <translation>le fichier est vide</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>unknown camera address ({host})</source>
      <translation>adresse de caméra inconnue ({host})</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>unsupported codec ({codec}) in this {container} file</source>
      <translation>codec non pris en charge ({codec}) dans ce fichier {container}</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/diagnosis.py" />
      <source>unsupported stream format or codec</source>
      <translation>format de flux ou codec non pris en charge</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/feed_source.py" />
      <source>no recording for this time</source>
      <translation>pas d’enregistrement pour cette heure</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/feed_source.py" />
      <location filename="../../console/videowall/logic/wall_state.py" />
      <source>{name} — recording</source>
      <translation>{name} — enregistrement</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/feed_status.py" />
      <location filename="../../console/videowall/preview.py" />
      <source>connecting…</source>
      <translation>connexion…</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/feed_status.py" />
      <source>end of the recording</source>
      <translation>fin de l’enregistrement</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/feed_status.py" />
      <source>paused</source>
      <translation>en pause</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/feed_status.py" />
      <source>reconnecting…</source>
      <translation>reconnexion…</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/feed_status.py" />
      <source>stalled: no picture for {last_frame_at:.0f} s</source>
      <translation>figé : pas d’image depuis {last_frame_at:.0f} s</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/feed_status.py" />
      <source>waiting for the first picture…</source>
      <translation>en attente de la première image…</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/feed_status.py" />
      <source>{fps:.0f} fps</source>
      <translation>{fps:.0f} i/s</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/feed_status.py" />
      <source>{message} — retrying in {wait} s</source>
      <translation>{message} — nouvel essai dans {wait} s</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/feed_status.py" />
      <source>{message} — retrying now</source>
      <translation>{message} — nouvel essai en cours</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/feed_worker.py" />
      <source>{missing} (the server answered 404)</source>
      <translation>{missing} (le serveur a répondu 404)</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/layouts.py" />
      <source>1 big + 5</source>
      <translation>1 grande + 5</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/layouts.py" />
      <source>1 big + 7</source>
      <translation>1 grande + 7</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/layouts.py" />
      <source>2 big + 8</source>
      <translation>2 grandes + 8</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/remote_feed.py" />
      <source>the video decoding process stopped</source>
      <translation>le processus de décodage vidéo s’est arrêté</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/wall_state.py" />
      <source>a tour needs at least one camera</source>
      <translation>un défilement a besoin d’au moins une caméra</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/wall_state.py" />
      <source>no tile {slot}</source>
      <translation>pas de vignette {slot}</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/wall_state.py" />
      <source>not a wall: {exc}</source>
      <translation>pas un mur : {exc}</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/wall_state.py" />
      <source>unknown layout {layout_name!r}</source>
      <translation>disposition inconnue {layout_name!r}</translation>
    </message>
    <message>
      <location filename="../../console/videowall/logic/wall_state.py" />
      <source>unknown layout {name!r}</source>
      <translation>disposition inconnue {name!r}</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Attach the selected tile's picture to the selected incident as a photo</source>
      <translation>Joindre l’image de la vignette choisie à l’intervention choisie, comme photo</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Clear this tile</source>
      <translation>Vider cette vignette</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Clip — video</source>
      <translation>Extrait — vidéo</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Clip — {camera_id}</source>
      <translation>Extrait — {camera_id}</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Could not encode the snapshot.</source>
      <translation>Impossible d’encoder la capture.</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Enlarge / back to the grid</source>
      <translation>Agrandir / revenir à la grille</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Full screen on</source>
      <translation>Plein écran sur</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>In (I)</source>
      <translation>Début (I)</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Keep this live video with the incident (recorded until it ends)</source>
      <translation>Conserver ce direct avec l’intervention (enregistré jusqu’à la fin)</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Mark in: the clip starts at the picture on the selected tile (I)</source>
      <translation>Marquer le début : l’extrait commence à l’image de la vignette choisie (I)</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Mark out: the clip ends at the picture on the selected tile (O), then tag it</source>
      <translation>Marquer la fin : l’extrait s’arrête à l’image de la vignette choisie (O), puis le rattacher</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Mark the start of the clip on this tile first (I).</source>
      <translation>Marquez d’abord le début de l’extrait sur cette vignette (I).</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>More ▾</source>
      <translation>Plus ▾</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>No camera to tour: the camera list is empty (clear the search?).</source>
      <translation>Aucune caméra à faire défiler : la liste est vide (effacer la recherche ?).</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Only the backend's cameras and videos can be tagged to an incident.</source>
      <translation>Seules les caméras et vidéos du serveur peuvent être rattachées à une intervention.</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Out (O)</source>
      <translation>Fin (O)</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Play the last {minutes} min of its recording</source>
      <translation>Lire les {minutes} dernières min de son enregistrement</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Screen {number}: {name} ({width}×{height})</source>
      <translation>Écran {number} : {name} ({width}×{height})</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Select an incident first: the snapshot is attached to it.</source>
      <translation>Choisissez d’abord une intervention : la capture y sera jointe.</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Snapshot</source>
      <translation>Capture</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Snapshot of {label} attached to {number}.</source>
      <translation>Capture de {label} jointe à {number}.</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Snapshot to the selected incident</source>
      <translation>Capture vers l’intervention choisie</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Tag last 30 s</source>
      <translation>Rattacher 30 s</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Tag the 30 s up to the picture on the selected tile to an incident</source>
      <translation>Rattacher à une intervention les 30 s qui précèdent l’image de la vignette choisie</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>The live video will be kept with the incident when it ends.</source>
      <translation>Le direct sera conservé avec l’intervention à sa fin.</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>The selected tile shows no picture with a time to mark.</source>
      <translation>La vignette choisie ne montre aucune image horodatée à marquer.</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>The selected tile shows nothing to take a picture of.</source>
      <translation>La vignette choisie ne montre rien à capturer.</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>The wall is full screen on {name}: click here (or Esc there) to bring it back</source>
      <translation>Le mur est en plein écran sur {name} : cliquez ici (ou Échap là-bas) pour le ramener</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Tour the listed cameras here (10 s each)</source>
      <translation>Faire défiler ici les caméras listées (10 s chacune)</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Tour the listed cameras on this tile, {period} s each</source>
      <translation>Faire défiler les caméras listées sur cette vignette, {period} s chacune</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Uploaded video</source>
      <translation>Vidéo transmise</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Video {name}</source>
      <translation>Vidéo {name}</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>Wall layout (Alt+1 … Alt+{count}: View ▸ Wall layout)</source>
      <translation>Disposition du mur (Alt+1 … Alt+{count} : Affichage ▸ Disposition du mur)</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>downloading the video…</source>
      <translation>téléchargement de la vidéo…</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>getting the camera's login…</source>
      <translation>obtention de l’identifiant de la caméra…</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>in {time:%H:%M:%S}</source>
      <translation>début {time:%H:%M:%S}</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>this camera has no stream</source>
      <translation>cette caméra n’a pas de flux</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>this camera is not known to the backend</source>
      <translation>cette caméra est inconnue du serveur</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>this camera keeps no recording</source>
      <translation>cette caméra ne garde pas d’enregistrement</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>{camera_id} — recording</source>
      <translation>{camera_id} — enregistrement</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>{label} has no picture to take yet.</source>
      <translation>{label} n’a pas encore d’image à capturer.</translation>
    </message>
    <message>
      <location filename="../../console/videowall/panel.py" />
      <source>{name} is live: in the video wall's camera list</source>
      <translation>{name} est en direct : dans la liste des caméras du mur d’images</translation>
    </message>
    <message>
      <location filename="../../console/videowall/playback_bar.py" />
      <source>Frame ▸</source>
      <translation>Image ▸</translation>
    </message>
    <message>
      <location filename="../../console/videowall/playback_bar.py" />
      <source>One frame forward</source>
      <translation>Une image en avant</translation>
    </message>
    <message>
      <location filename="../../console/videowall/playback_bar.py" />
      <source>Pause</source>
      <translation>Pause</translation>
    </message>
    <message>
      <location filename="../../console/videowall/playback_bar.py" />
      <source>Play</source>
      <translation>Lire</translation>
    </message>
    <message>
      <location filename="../../console/videowall/playback_bar.py" />
      <source>Play or pause (Space)</source>
      <translation>Lire ou mettre en pause (Espace)</translation>
    </message>
    <message>
      <location filename="../../console/videowall/playback_bar.py" />
      <source>live</source>
      <translation>direct</translation>
    </message>
    <message>
      <location filename="../../console/videowall/preview.py" />
      <source>No stream tested yet</source>
      <translation>Aucun flux testé</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>Choose the incident the clip belongs to.</source>
      <translation>Choisissez l’intervention à laquelle appartient l’extrait.</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>Tag</source>
      <translation>Rattacher</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>Tag the clip to an incident</source>
      <translation>Rattacher l’extrait à une intervention</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>crowd</source>
      <translation>foule</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>fight</source>
      <translation>rixe</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>fire</source>
      <translation>incendie</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>injured person</source>
      <translation>blessé</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>licence plate</source>
      <translation>plaque d’immatriculation</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>other labels, separated by commas</source>
      <translation>autres étiquettes, séparées par des virgules</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>suspect</source>
      <translation>suspect</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>vehicle</source>
      <translation>véhicule</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>weapon</source>
      <translation>arme</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tag_dialog.py" />
      <source>what the clip shows</source>
      <translation>ce que montre l’extrait</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tile.py" />
      <source>ERROR</source>
      <translation>ERREUR</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tile.py" />
      <source>No camera — drag one here</source>
      <translation>Aucune caméra — glissez-en une ici</translation>
    </message>
    <message>
      <location filename="../../console/videowall/tile.py" />
      <source>PLAYBACK</source>
      <translation>RELECTURE</translation>
    </message>
    <message>
      <location filename="../../console/views/alerts.py" />
      <source>NEW {priority}  {number}  {type_text} — {address_text}</source>
      <translation>NOUVELLE {priority}  {number}  {type_text} — {address_text}</translation>
    </message>
    <message>
      <location filename="../../console/views/alerts.py" />
      <location filename="../../console/views/incident_queue.py" />
      <source>Open</source>
      <translation>Ouvrir</translation>
    </message>
    <message>
      <location filename="../../console/views/alerts.py" />
      <source>… and {hidden} more</source>
      <translation>… et {hidden} de plus</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>+33 6 12 34 56 78 (empty: give the link yourself)</source>
      <translation>+33 6 12 34 56 78 (vide : donnez le lien vous-même)</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Ask the caller for pictures — {number}</source>
      <translation>Demander des images à l’appelant — {number}</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Caller's phone</source>
      <translation>Téléphone de l’appelant</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Close the selected link</source>
      <translation>Fermer le lien choisi</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Copy</source>
      <translation>Copier</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Demo: the SMS was written to dispatchd's log, not sent.</source>
      <translation>Démo : le SMS a été écrit dans le journal de dispatchd, pas envoyé.</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Done</source>
      <translation>Terminé</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Give the caller this link (read it out or copy it into a message).</source>
      <translation>Donnez ce lien à l’appelant (lisez-le ou copiez-le dans un message).</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Link copied.</source>
      <translation>Lien copié.</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Make the link</source>
      <translation>Créer le lien</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Making the link…</source>
      <translation>Création du lien…</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Not sent: {problem}. Copy the link and give it to the caller.</source>
      <translation>Non envoyé : {problem}. Copiez le lien et donnez-le à l’appelant.</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Send it by SMS</source>
      <translation>L’envoyer par SMS</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Sent by SMS to {number}.</source>
      <translation>Envoyé par SMS au {number}.</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>The caller opens the link on their phone: location, photos, videos, messages and live video come to this incident. The link works for this incident only.</source>
      <translation>L’appelant ouvre le lien sur son téléphone : position, photos, vidéos, messages et direct arrivent sur cette intervention. Le lien ne vaut que pour elle.</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>The link appears here</source>
      <translation>Le lien apparaît ici</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>The link could not be made (see the status bar).</source>
      <translation>Le lien n’a pas pu être créé (voir la barre d’état).</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>This incident's links</source>
      <translation>Liens de cette intervention</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>Valid for</source>
      <translation>Valable</translation>
    </message>
    <message>
      <location filename="../../console/views/caller_invite_dialog.py" />
      <source>in</source>
      <translation>en</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <source>Add the call to the selected incident</source>
      <translation>Ajouter l’appel à l’intervention choisie</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <location filename="../../console/views/incident_queue.py" />
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <source>Callback number</source>
      <translation>Numéro de rappel</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <source>Caller</source>
      <translation>Appelant</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <source>Create</source>
      <translation>Créer</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <source>First note</source>
      <translation>Première note</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <source>Latitude, e.g. 45.7512</source>
      <translation>Latitude, p. ex. 45.7512</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <source>Longitude, e.g. 4.8421</source>
      <translation>Longitude, p. ex. 4.8421</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <source>Maybe the same incident (Ctrl+Enter adds this call to the one selected):</source>
      <translation>Peut-être la même intervention (Ctrl+Entrée ajoute cet appel à celle choisie) :</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <source>New incident from a call</source>
      <translation>Nouvelle intervention sur appel</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <location filename="../../console/views/unit_board.py" />
      <source>Position</source>
      <translation>Position</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <source>Send the caller a link for photos, videos and live video (SMS)</source>
      <translation>Envoyer à l’appelant un lien pour photos, vidéos et direct (SMS)</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <source>Street address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <location filename="../../console/views/create_incident.py" />
      <source>What the caller says</source>
      <translation>Ce que dit l’appelant</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <source> ⚠ stale</source>
      <translation> ⚠ périmée</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <source>&lt; 1 min</source>
      <translation>&lt; 1 min</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <source>Agencies of the incident</source>
      <translation>Services de l’intervention</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <location filename="../../console/views/incident_queue.py" />
      <location filename="../../console/views/unit_board.py" />
      <source>All agencies</source>
      <translation>Tous les services</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <source>Assigned</source>
      <translation>Engagées</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <source>Dispatch to {number} · {type_text}</source>
      <translation>Engagement sur {number} · {type_text}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <source>Distance</source>
      <translation>Distance</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <source>ETA</source>
      <translation>Arrivée</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <source>Select an incident to dispatch</source>
      <translation>Choisissez une intervention pour engager</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <source>Send selected unit (Enter)</source>
      <translation>Engager l’unité choisie (Entrée)</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <location filename="../../console/views/incident_detail.py" />
      <location filename="../../console/views/incident_queue.py" />
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <source>Straight-line estimate at typical urban speeds; stale positions are listed last.</source>
      <translation>Estimation à vol d’oiseau aux vitesses urbaines habituelles ; les positions périmées sont en dernier.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <source>Take off incident</source>
      <translation>Désengager</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <source>{distance} km</source>
      <translation>{distance} km</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch_panel.py" />
      <source>{seconds:.0f} min</source>
      <translation>{seconds:.0f} min</translation>
    </message>
    <message>
      <location filename="../../console/views/exercise_banner.py" />
      <source>EXERCISE «{name}» in progress — {played} incidents played</source>
      <translation>EXERCICE « {name} » en cours — {played} interventions jouées</translation>
    </message>
    <message>
      <location filename="../../console/views/exercise_banner.py" />
      <source>EXERCISE — {open_drills} exercise incident{open_drills2} still open</source>
      <translation>EXERCICE — {open_drills} intervention{open_drills2} d’exercice encore ouverte{open_drills2}</translation>
    </message>
    <message>
      <location filename="../../console/views/exercise_banner.py" />
      <source>{incidents_created} of {incidents_planned}</source>
      <translation>{incidents_created} sur {incidents_planned}</translation>
    </message>
    <message>
      <location filename="../../console/views/exercise_banner.py" />
      <source>{text} — incidents marked EXERCISE are not real emergencies</source>
      <translation>{text} — les interventions marquées EXERCICE ne sont pas de vraies urgences</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>A link for the caller's phone: location, photos, videos, messages, live video</source>
      <translation>Un lien pour le téléphone de l’appelant : position, photos, vidéos, messages, direct</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Add a note… (Ctrl+N, Enter to send)</source>
      <translation>Ajouter une note… (Ctrl+N, Entrée pour envoyer)</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Add note</source>
      <translation>Ajouter la note</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Agencies</source>
      <translation>Services</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Ask the caller for pictures…</source>
      <translation>Demander des images à l’appelant…</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Caller: {caller}</source>
      <translation>Appelant : {caller}</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Export EIDO…</source>
      <translation>Exporter en EIDO…</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Export EMSI…</source>
      <translation>Exporter en EMSI…</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Export {number} as {format}</source>
      <translation>Exporter {number} en {format}</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Group</source>
      <translation>Rattacher</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <location filename="../../console/views/major_events_panel.py" />
      <source>Major event</source>
      <translation>Événement majeur</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Media</source>
      <translation>Médias</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>No incident selected</source>
      <translation>Aucune intervention choisie</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Photo — {text}</source>
      <translation>Photo — {text}</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Public warning…</source>
      <translation>Alerte à la population…</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Request agency</source>
      <translation>Demander un service</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Saved {path}</source>
      <translation>{path} enregistré</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Say why the agency is needed</source>
      <translation>Dites pourquoi ce service est nécessaire</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Select an incident in the queue: Ctrl+1, then the arrows and Enter.</source>
      <translation>Choisissez une intervention dans la file : Ctrl+1, puis les flèches et Entrée.</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <location filename="../../console/views/incident_queue.py" />
      <source>Set priority</source>
      <translation>Priorité</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Set status</source>
      <translation>État</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Set type</source>
      <translation>Nature</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Timeline</source>
      <translation>Main courante</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Update warning…</source>
      <translation>Mettre à jour l'alerte…</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Warning</source>
      <translation>Alerte</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Warning updated</source>
      <translation>Alerte mise à jour</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Warning withdrawn</source>
      <translation>Alerte retirée</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Why (e.g. one person injured)</source>
      <translation>Pourquoi (p. ex. une personne blessée)</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>Withdraw warning</source>
      <translation>Retirer l'alerte</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>camera {camera_id}</source>
      <translation>caméra {camera_id}</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>{agency} requested by {who}</source>
      <translation>{agency} demandé(e) par {who}</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>{kind} · {size} KB · {source}</source>
      <translation>{kind} · {size} Ko · {source}</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>{status} · {address_text}{sector} · opened {age} ago at {time:%H:%M:%S}</source>
      <translation>{status} · {address_text}{sector} · ouverte il y a {age}, à {time:%H:%M:%S}</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>— none —</source>
      <translation>— aucun —</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>⇄ From partner centre {agency} (their {number}), last changed there at {time:%H:%M:%S}</source>
      <translation>⇄ Du centre partenaire {agency} (leur {number}), modifié chez eux à {time:%H:%M:%S}</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_detail.py" />
      <source>⚠ {kind}: {headline} · until {expires:%H:%M}</source>
      <translation>⚠ {kind} : {headline} · jusqu'à {expires:%H:%M}</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <source>Age</source>
      <translation>Âge</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <location filename="../../console/views/unit_board.py" />
      <source>All sectors</source>
      <translation>Tous les secteurs</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <source>All statuses</source>
      <translation>Tous les états</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <source>Any priority</source>
      <translation>Toute priorité</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <source>Cancelled</source>
      <translation>Annulée</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <source>Close incident {number}</source>
      <translation>Clore l’intervention {number}</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <source>EXERCISE · </source>
      <translation>EXERCICE · </translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <source>Number</source>
      <translation>Numéro</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <source>Search number, type, address, unit…</source>
      <translation>Chercher numéro, nature, adresse, unité…</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <source>Sector</source>
      <translation>Secteur</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <source>awaiting units</source>
      <translation>en attente d’unités</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <source>units assigned</source>
      <translation>unités engagées</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <source>≥ 7 high</source>
      <translation>≥ 7 haute</translation>
    </message>
    <message>
      <location filename="../../console/views/incident_queue.py" />
      <source>≥ 9 critical</source>
      <translation>≥ 9 critique</translation>
    </message>
    <message>
      <location filename="../../console/views/install.py" />
      <source>Add a note to the selected incident</source>
      <translation>Ajouter une note à l’intervention choisie</translation>
    </message>
    <message>
      <location filename="../../console/views/install.py" />
      <source>Dispatch</source>
      <translation>Engagement</translation>
    </message>
    <message>
      <location filename="../../console/views/install.py" />
      <source>Dispatch to the selected incident</source>
      <translation>Engager sur l’intervention choisie</translation>
    </message>
    <message>
      <location filename="../../console/views/install.py" />
      <source>Go to the incident queue</source>
      <translation>Aller à la file des interventions</translation>
    </message>
    <message>
      <location filename="../../console/views/install.py" />
      <source>Incident queue</source>
      <translation>File des interventions</translation>
    </message>
    <message>
      <location filename="../../console/views/install.py" />
      <source>Major events</source>
      <translation>Événements majeurs</translation>
    </message>
    <message>
      <location filename="../../console/views/install.py" />
      <source>New incident from a call…</source>
      <translation>Nouvelle intervention sur appel…</translation>
    </message>
    <message>
      <location filename="../../console/views/install.py" />
      <source>Next incident</source>
      <translation>Intervention suivante</translation>
    </message>
    <message>
      <location filename="../../console/views/install.py" />
      <source>Previous incident</source>
      <translation>Intervention précédente</translation>
    </message>
    <message>
      <location filename="../../console/views/linking_box.py" />
      <source>Another incident, by its number…</source>
      <translation>Une autre intervention, par son numéro…</translation>
    </message>
    <message>
      <location filename="../../console/views/linking_box.py" />
      <source>Incident number</source>
      <translation>Numéro d’intervention</translation>
    </message>
    <message>
      <location filename="../../console/views/linking_box.py" />
      <source>Link the post</source>
      <translation>Lier la publication</translation>
    </message>
    <message>
      <location filename="../../console/views/linking_box.py" />
      <source>Link with…</source>
      <translation>Lier à…</translation>
    </message>
    <message>
      <location filename="../../console/views/linking_box.py" />
      <source>Link {number} with…</source>
      <translation>Lier {number} à…</translation>
    </message>
    <message>
      <location filename="../../console/views/linking_box.py" />
      <source>Merge into…</source>
      <translation>Fusionner dans…</translation>
    </message>
    <message>
      <location filename="../../console/views/linking_box.py" />
      <source>Merge {number} into…</source>
      <translation>Fusionner {number} dans…</translation>
    </message>
    <message>
      <location filename="../../console/views/linking_box.py" />
      <source>Not about it</source>
      <translation>Sans rapport</translation>
    </message>
    <message>
      <location filename="../../console/views/linking_box.py" />
      <source>Number (e.g. 2026-000123):</source>
      <translation>Numéro (p. ex. 2026-000123) :</translation>
    </message>
    <message>
      <location filename="../../console/views/linking_box.py" />
      <source>This incident is a duplicate: close it and move its units, media, notes and clips to the other</source>
      <translation>Cette intervention est un doublon : la clore et déplacer ses unités, médias, notes et extraits dans l’autre</translation>
    </message>
    <message>
      <location filename="../../console/views/login_dialog.py" />
      <source>Authenticator code</source>
      <translation>Code d'authentification</translation>
    </message>
    <message>
      <location filename="../../console/views/login_dialog.py" />
      <source>Backend: {backend_url}</source>
      <translation>Serveur : {backend_url}</translation>
    </message>
    <message>
      <location filename="../../console/views/login_dialog.py" />
      <source>Log in to the dispatch backend</source>
      <translation>Connexion au serveur de commandement</translation>
    </message>
    <message>
      <location filename="../../console/views/login_dialog.py" />
      <source>only if your account asks for one</source>
      <translation>seulement si votre compte en demande un</translation>
    </message>
    <message>
      <location filename="../../console/views/main_window.py" />
      <source>&amp;File</source>
      <translation>&amp;Fichier</translation>
    </message>
    <message>
      <location filename="../../console/views/main_window.py" />
      <source>&amp;Incident</source>
      <translation>I&amp;ntervention</translation>
    </message>
    <message>
      <location filename="../../console/views/main_window.py" />
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <location filename="../../console/views/main_window.py" />
      <source>&amp;View</source>
      <translation>&amp;Affichage</translation>
    </message>
    <message>
      <location filename="../../console/views/main_window.py" />
      <source>Command console</source>
      <translation>Console de commandement</translation>
    </message>
    <message>
      <location filename="../../console/views/main_window.py" />
      <source>Replay</source>
      <translation>Relecture</translation>
    </message>
    <message>
      <location filename="../../console/views/major_events_panel.py" />
      <source>Critical</source>
      <translation>Critiques</translation>
    </message>
    <message>
      <location filename="../../console/views/major_events_panel.py" />
      <source>Group incidents under it from their detail (Major event ▸ Group).</source>
      <translation>Rattachez-y des interventions depuis leur détail (Événement majeur ▸ Rattacher).</translation>
    </message>
    <message>
      <location filename="../../console/views/major_events_panel.py" />
      <source>High</source>
      <translation>Hautes</translation>
    </message>
    <message>
      <location filename="../../console/views/major_events_panel.py" />
      <source>Major event: {type_text}</source>
      <translation>Événement majeur : {type_text}</translation>
    </message>
    <message>
      <location filename="../../console/views/major_events_panel.py" />
      <source>Open ≥ 7</source>
      <translation>Ouvertes ≥ 7</translation>
    </message>
    <message>
      <location filename="../../console/views/major_events_panel.py" />
      <source>Opened from incident {number}.</source>
      <translation>Ouvert depuis l’intervention {number}.</translation>
    </message>
    <message>
      <location filename="../../console/views/major_events_panel.py" />
      <source>Start a major event from the selected incident</source>
      <translation>Ouvrir un événement majeur depuis l’intervention choisie</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>A circle around {address}</source>
      <translation>Un cercle autour de {address}</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Area</source>
      <translation>Zone</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Area shape</source>
      <translation>Forme de la zone</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Description</source>
      <translation>Description</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Draw the area on the map</source>
      <translation>Dessiner la zone sur la carte</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Event</source>
      <translation>Événement</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Expires in</source>
      <translation>Expire dans</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Headline</source>
      <translation>Titre</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Instruction</source>
      <translation>Consigne</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>One line people read first</source>
      <translation>La ligne que la population lit d'abord</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Public warning — {number}</source>
      <translation>Alerte à la population — {number}</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Publish the update</source>
      <translation>Publier la mise à jour</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Publish the warning</source>
      <translation>Publier l'alerte</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>The area drawn on the map ({corners} corners)</source>
      <translation>La zone dessinée sur la carte ({corners} sommets)</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Update the public warning — {number}</source>
      <translation>Mettre à jour l'alerte à la population — {number}</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Urgency · severity · certainty</source>
      <translation>Urgence · gravité · certitude</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Use the circle</source>
      <translation>Utiliser le cercle</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>What is happening, where</source>
      <translation>Ce qui se passe, où</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>What people should do</source>
      <translation>Ce que la population doit faire</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>Write the {fields} first.</source>
      <translation>Écrivez d'abord : {fields}.</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>description</source>
      <translation>description</translation>
    </message>
    <message>
      <location filename="../../console/views/public_warning_dialog.py" />
      <source>headline</source>
      <translation>titre</translation>
    </message>
    <message>
      <location filename="../../console/views/status_bar.py" />
      <source>0 ev/s</source>
      <translation>0 év/s</translation>
    </message>
    <message>
      <location filename="../../console/views/status_bar.py" />
      <source>Last event {last_event_wallclock:%H:%M:%S}</source>
      <translation>Dernier événement {last_event_wallclock:%H:%M:%S}</translation>
    </message>
    <message>
      <location filename="../../console/views/status_bar.py" />
      <source>No event yet</source>
      <translation>Aucun événement</translation>
    </message>
    <message>
      <location filename="../../console/views/status_bar.py" />
      <source>Starting…</source>
      <translation>Démarrage…</translation>
    </message>
    <message>
      <location filename="../../console/views/status_bar.py" />
      <source>{elapsed:.1f} ev/s</source>
      <translation>{elapsed:.1f} év/s</translation>
    </message>
    <message>
      <location filename="../../console/views/status_bar.py" />
      <source>⏳ {count} command{count2} waiting to be sent</source>
      <translation>⏳ {count} commande{count2} en attente d’envoi</translation>
    </message>
    <message>
      <location filename="../../console/views/status_bar.py" />
      <source>⚠ {malformed_count} malformed events skipped</source>
      <translation>⚠ {malformed_count} événements mal formés ignorés</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>AVL</source>
      <translation>AVL</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>Available</source>
      <translation>Disponibles</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>Cleared</source>
      <translation>Libérées</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>Dispatched</source>
      <translation>Engagées</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>En route</source>
      <translation>En route</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>On scene</source>
      <translation>Sur les lieux</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>Out of service</source>
      <translation>Hors service</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>TAK</source>
      <translation>TAK</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>Transporting</source>
      <translation>En transport</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>demo</source>
      <translation>démo</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>no position</source>
      <translation>pas de position</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>{age} ago</source>
      <translation>il y a {age}</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>{count} units</source>
      <translation>{count} unités</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>{stale_total} stale</source>
      <translation>{stale_total} périmées</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>{unplaced} without a position yet</source>
      <translation>{unplaced} encore sans position</translation>
    </message>
    <message>
      <location filename="../../console/views/unit_board.py" />
      <source>⚠ STALE ({age} old)</source>
      <translation>⚠ PÉRIMÉE (depuis {age})</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/commands.py" />
      <source>a polygon's corners are [lat, lon] in degrees</source>
      <translation>les sommets d'un polygone sont des [lat, lon] en degrés</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/commands.py" />
      <source>a warning's area is a polygon or a circle (one of them)</source>
      <translation>la zone d'une alerte est un polygone ou un cercle (l'un des deux)</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/geofence.py" />
      <source>a geofence circle needs a positive radius</source>
      <translation>un cercle de zone a besoin d’un rayon positif</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/geofence.py" />
      <source>a geofence polygon needs at least three corners</source>
      <translation>un polygone de zone a besoin d’au moins trois sommets</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/geofence.py" />
      <source>unknown geofence type {type!r}</source>
      <translation>type de zone inconnu {type!r}</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/watch_query.py" />
      <source>a '(' without its ')'</source>
      <translation>une « ( » sans sa « ) »</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/watch_query.py" />
      <source>a ')' without its '('</source>
      <translation>une « ) » sans sa « ( »</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/watch_query.py" />
      <source>a phrase without its closing "</source>
      <translation>une expression sans son " final</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/watch_query.py" />
      <source>an empty phrase</source>
      <translation>une expression vide</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/watch_query.py" />
      <source>cannot read this</source>
      <translation>illisible ici</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/watch_query.py" />
      <source>the query ends where a word was expected</source>
      <translation>la requête s’arrête là où un mot était attendu</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/watch_query.py" />
      <source>the query is empty</source>
      <translation>la requête est vide</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/watch_query.py" />
      <source>unexpected {value!r}</source>
      <translation>{value!r} inattendu</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/watch_query.py" />
      <source>{message} (at character {position})</source>
      <translation>{message} (au caractère {position})</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/watch_query.py" />
      <source>{raw!r} is not a word</source>
      <translation>{raw!r} n’est pas un mot</translation>
    </message>
    <message>
      <location filename="../../dispatch_protocol/watch_query.py" />
      <source>{value!r} where a word was expected</source>
      <translation>{value!r} là où un mot était attendu</translation>
    </message>
  </context>
</TS>
