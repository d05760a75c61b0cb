// The officer console's entry point (/officer.html): not part of the kiosk.
import './officer-app.js';
