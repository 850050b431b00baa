"""Citizens' media: a one-time link for a caller, the page it opens, chunked uploads, live video (WebRTC)."""
