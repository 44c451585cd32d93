/** Settings, where tokens live, which account is served, and `withings-mcp login` against the simulator. */
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator } from "../../../simulator/index";
import { followRedirect } from "../../../runner/auth";
import { simEndpoints } from "../../../runner/targets";
import { TokenStore } from "../../../runner/tokens";
import { configDir, parseSettings, tokenFileOf, wantsRealAccount } from "../src/config";
import { login } from "../src/login";

describe("settings", () => {
  it("defaults to stdio; --http takes --port; login and --demo are read", () => {
    expect(parseSettings([], {})).toMatchObject({ command: "serve", transport: "stdio", demo: false, audioAs: "audio" });
    expect(parseSettings(["--http", "--port", "8123"], {})).toMatchObject({ transport: "http", port: 8123 });
    expect(parseSettings(["login"], {}).command).toBe("login");
    expect(parseSettings(["--demo"], { WITHINGS_MCP_AUDIO: "resource" })).toMatchObject({ demo: true, audioAs: "resource" });
    expect(() => parseSettings(["--port", "x"], {})).toThrow('--port needs a port number, got "x"');
    expect(() => parseSettings(["--verbose"], {})).toThrow('Unknown argument "--verbose"');
  });

  it("keeps tokens in the user's config folder unless WITHINGS_TOKEN_FILE says otherwise", () => {
    expect(configDir({ HOME: "/home/a" }, "linux")).toBe("/home/a/.config/withings-mcp");
    expect(configDir({ HOME: "/home/a", XDG_CONFIG_HOME: "/x" }, "linux")).toBe("/x/withings-mcp");
    expect(configDir({ HOME: "/Users/a" }, "darwin")).toBe("/Users/a/Library/Application Support/withings-mcp");
    expect(configDir({ APPDATA: "C:\\Users\\a\\AppData\\Roaming" }, "win32")).toMatch(/AppData.Roaming.withings-mcp$/);
    expect(tokenFileOf({ WITHINGS_TOKEN_FILE: "/t.json" })).toBe("/t.json");
  });

  it("serves the simulator unless an account is configured or a token file exists", () => {
    const home = mkdtempSync(join(tmpdir(), "withings-mcp-home-"));
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, "cfg") };
    expect(wantsRealAccount(env)).toBe(false);
    expect(wantsRealAccount({ ...env, WITHINGS_CLIENT_ID: "id" })).toBe(true);
    new TokenStore(tokenFileOf(env)).write({ access_token: "a", refresh_token: "r", userid: "1", expires_at: 1, obtained_at: 0 });
    expect(wantsRealAccount(env)).toBe(true);
  });
});

describe("withings-mcp login", () => {
  it("stores the tokens owner-only and never prints them", async () => {
    const sim = await startSimulator({ seed: 7 });
    const dir = mkdtempSync(join(tmpdir(), "withings-mcp-login-"));
    const file = join(dir, "tokens.json");
    const lines: string[] = [];
    const env = {
      WITHINGS_CLIENT_ID: sim.client.clientId, WITHINGS_CLIENT_SECRET: sim.client.clientSecret,
      WITHINGS_REDIRECT_URI: sim.client.redirectUri, WITHINGS_TOKEN_FILE: file,
      WITHINGS_API_URL: sim.url, WITHINGS_AUTHORIZE_URL: simEndpoints(sim).authorizeUrl,
    };
    try {
      expect(await login(env, (l) => lines.push(l), followRedirect)).toBe(0);
    } finally {
      await sim.close();
    }
    const tokens = new TokenStore(file).read()!;
    expect(tokens.userid).toBe(sim.demoUserId);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const printed = lines.join("\n");
    expect(printed).toContain(`Connected Withings user ${sim.demoUserId}`);
    for (const s of [tokens.access_token, tokens.refresh_token, sim.client.clientSecret]) expect(printed).not.toContain(s);
  });

  it("says which setting is missing", async () => {
    await expect(login({ WITHINGS_CLIENT_ID: "id" }, () => {})).rejects.toThrow("Missing the Withings client secret: set WITHINGS_CLIENT_SECRET.");
    await expect(login({ WITHINGS_CLIENT_ID: "id", WITHINGS_CLIENT_SECRET: "s" }, () => {}))
      .rejects.toThrow("Missing the redirect URI: set WITHINGS_REDIRECT_URI");
  });
});
