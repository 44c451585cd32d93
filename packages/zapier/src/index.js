// The integration's entry as Zapier loads it: a CommonJS module whose export is the app definition.
const { version } = require("zapier-platform-core");
const { buildApp } = require("./app.ts");

module.exports = buildApp(version);
