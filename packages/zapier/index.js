// Zapier loads the integration from here: the self-contained bundle `npm run build` writes to dist/.
module.exports = require("./dist/index.js");
