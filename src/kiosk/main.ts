// The kiosk entry point.
import './kiosk-app.js';
