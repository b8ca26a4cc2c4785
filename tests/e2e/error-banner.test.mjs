// The error banner says what happened (issue 15): a file of the wrong type given
// to "Import a draft file" names the file, says it is not a draft and what the
// field accepts, under a heading that is not "Something went wrong". English and French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();
const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

const texts = {
  en: { title: 'What could not be done', said: [/screenshot\.png was not opened/, /not a draft of this app/, /accepts a \.json file/, /New plan/], generic: /Something went wrong/ },
  fr: { title: 'Ce qui n’a pas pu être fait', said: [/screenshot\.png n’a pas été ouvert/, /pas un brouillon de cette application/, /accepte un fichier \.json/, /Nouveau plan/], generic: /Un problème est survenu/ },
};

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  test(`a picture given as a draft says what happened and what the field accepts (${lang})`, async () => {
    const t = texts[lang];
    const { context, record } = await openContext(shared.browser, shared.server.origin, { locale });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url);
      await waitForApp(page);
      await page.getByTestId('draft-import').setInputFiles(join(fixtures, 'screenshot.png'));
      const banner = page.getByTestId('error-banner');
      await banner.waitFor();
      const text = await banner.innerText();
      for (const said of t.said) {
        assert.match(text, said);
      }
      assert.doesNotMatch(text, t.generic);
      assert.equal(await page.getByRole('alert').getAttribute('aria-labelledby'), 'error-banner-title');
      assert.equal(await page.locator('#error-banner-title').textContent(), t.title);
      await screenshot(page, `error-banner-wrong-type-${lang}`);
      const violations = await seriousAccessibilityViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
      assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await context.close();
    }
  });
}
