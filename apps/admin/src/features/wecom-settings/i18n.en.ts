import type { wecomSettingsZh } from './i18n.zh';

/** Strings of the WeCom settings page (English). */
export const wecomSettingsEn: typeof wecomSettingsZh = {
  nav: 'WeCom settings',
  title: 'WeCom settings',
  intro:
    "Your brand's own self-built WeCom app and callback. The Secret and EncodingAESKey are stored encrypted; the Secret is not shown again after saving.",
  empty:
    'WeCom is not connected yet. Follow the 5 steps below: create a self-built app in the WeCom admin console, enter its details here, then paste the callback URL back into WeCom.',
  secretsMissing:
    'The server has no SIYU_SECRET_KEY, so the Secret cannot be saved. Ask your operator to set it, then retry.',
  demoSandbox:
    'Connected to the demo WeCom sandbox (a simulated WeCom, not a real company). Enter a real corp ID to switch to real WeCom.',
  corpId: 'Corp ID (CorpID)',
  secretSet: 'Set',
  secretKeep: 'Set: leave blank to keep it, type to replace it',
  secretHint: "The Secret on the self-built app's page (viewed in the WeCom client)",
  callbackUrl: 'Callback URL (copy it into WeCom)',
  generate: 'Generate a random Token and EncodingAESKey',
  saveBeforeWecom:
    'Save here first, then save the callback settings in WeCom: WeCom verifies this URL with them at once.',
  save: 'Save',
  saved: 'Saved',
  test: 'Test connection',
  testPassed: 'Connection works',
  testFailed: 'Connection failed',
  testNothing: 'Save the settings, then test the connection.',
  steps: {
    corp: { title: 'Corp ID', hint: 'WeCom admin console → My company → Company info → CorpID.' },
    app: {
      title: 'Self-built app',
      hint: 'App management → Self-built → Create app; the app page shows its AgentId and Secret.',
    },
    callback: {
      title: 'Event callbacks',
      hint: 'App page → Receive messages → Set API receiving: enter the URL, Token and EncodingAESKey below (generate them if you like).',
    },
    console: {
      title: 'Other settings in the WeCom console',
      hint: 'These can only be done in the WeCom admin console; tick each when done (a reminder only, not saved).',
    },
    test: {
      title: 'Save and test',
      hint: 'The test gets an access_token, reads the members with customer contact, reads the corp tags, and says which step failed.',
    },
  },
  check: {
    trustedIp: "App page → Trusted IPs: this server's outgoing IP is added",
    customerContact: 'Customers → Customer contact → API → Apps that may call the API: this app is selected',
    callbackSaved: "The app's callback (receive messages) settings were saved successfully in WeCom",
  },
  step: {
    access_token: 'Get access_token',
    customer_contact: 'Customer contact permission',
    corp_tags: 'Corp customer tags',
  },
  problem: {
    WRONG_CORP_ID: 'The corp ID is wrong',
    WRONG_SECRET: "The Secret is wrong (or not this app's Secret)",
    IP_NOT_TRUSTED: "The server's IP is not in the app's Trusted IPs",
    NO_CUSTOMER_CONTACT_PERMISSION: 'The app is not listed under Customer contact → Apps that may call the API',
    NO_MEMBERS_WITH_CUSTOMER_CONTACT: 'No member has customer contact enabled yet',
    UNREACHABLE: 'The WeCom servers could not be reached',
    REJECTED: 'WeCom refused the request',
  },
};
