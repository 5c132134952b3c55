import type { Page } from '@playwright/test';
import { test, expect, type Workbench } from './fixtures.ts';
import { AppHeader, LibraryPage, ProofreadPage, SettingsDialog, UserNamePrompt } from './pages/index.ts';

const VOLUME = '创先争优好做法（示例）';
const CASE = '开设“民情论坛” 打造和谐家园';

/** The library with the sample volume selected. */
async function openSampleVolume(page: Page, wb: Workbench): Promise<LibraryPage> {
  const library = new LibraryPage(page);
  await library.goto(wb.url);
  await library.openVolume(VOLUME);
  await expect(library.caseRows.first()).toBeVisible();
  return library;
}

/** Changes the user name in Settings (the header shows it). */
async function switchUser(page: Page, name: string): Promise<void> {
  const header = new AppHeader(page);
  const settings = await header.openSettings();
  await settings.setUserName(name);
  await expect(header.user).toContainText(name);
}

test.describe('stages and sign-off', () => {
  test.describe('on a first start', () => {
    test.use({ userName: '' });

    test('the name is asked for; two editors sign the sample case from 已导入 to 定稿 in turn; it locks, unlocks, goes back and is flagged', async ({
      page,
      workbench,
    }, testInfo) => {
      test.slow();
      await workbench.call('sample:install');
      const library = new LibraryPage(page);
      await library.goto(workbench.url);
      const prompt = new UserNamePrompt(page);
      await prompt.enter('甲');
      await expect(new AppHeader(page).user).toContainText('甲');

      await library.openVolume(VOLUME);
      await library.openCase(CASE);
      const proof = new ProofreadPage(page);
      const panel = proof.stages;
      const id = await proof.caseId();
      await expect(panel.stage).toHaveAttribute('data-stage', 'imported');

      // 甲 signs the first pass (已导入 → 初审) with a note.
      await panel.open();
      await expect(panel.signoffButton).toContainText('初审');
      await panel.signOff('初审通过');
      await expect(panel.stage).toHaveAttribute('data-stage', 'review1');

      // 甲 again: the panel says why not before they try, and main refuses it too.
      await panel.open();
      await expect(panel.lastSigner).toContainText('甲');
      await expect(panel.signoffBlocked).toHaveAttribute('data-code', 'SAME_SIGNER');
      await expect(panel.signoffBlocked).toContainText('甲');
      await expect(panel.signoffButton).toBeDisabled();
      const refused = await workbench.call('cases:act', { id, action: { kind: 'signoff', to: 'review2' } });
      expect(refused.error?.code).toBe('SAME_SIGNER');
      await page.screenshot({ path: testInfo.outputPath('signoff-same-signer.png') });
      await panel.close();

      // The library's stage bar has followed.
      await proof.back();
      await expect(library.stageLegend('review1')).toHaveAttribute('data-count', '1');
      await library.openCase(CASE);

      // 乙 and 甲 take turns up to 定稿.
      const passes: [string, string][] = [
        ['乙', 'review2'],
        ['甲', 'review3'],
        ['乙', 'proof1'],
        ['甲', 'proof2'],
        ['乙', 'proof3'],
        ['甲', 'final'],
      ];
      for (const [who, stage] of passes) {
        await switchUser(page, who);
        if (stage === 'final') {
          await panel.open();
          await expect(panel.signoffLocks).toBeVisible();
        }
        await panel.signOff(`${who}签`);
        await expect(panel.stage).toHaveAttribute('data-stage', stage);
      }

      // Final: locked, read-only; typing changes nothing and nothing is saved; main refuses a save.
      await expect(panel.lockBadge).toBeVisible();
      await expect(panel.lockBanner).toBeVisible();
      await expect(proof.editor).toHaveAttribute('contenteditable', 'false');
      await proof.block('件件实事系民心').click();
      await page.keyboard.type('改动');
      await expect(proof.editor).not.toContainText('改动');
      // Replacing from the find bar changes the editor by code: rolled back at once, nothing saved.
      await proof.openReplaceFromToolbar();
      await proof.find('民情论坛');
      await expect(proof.findStatus).not.toHaveText('');
      await proof.replaceAll('民意论坛');
      await expect(proof.editor).toContainText('民情论坛');
      await expect(proof.editor).not.toContainText('民意论坛');
      await expect(proof.saveState).toHaveAttribute('data-state', 'saved');
      await page.screenshot({ path: testInfo.outputPath('case-locked.png') });
      const stored = (await workbench.call('cases:get', { id })).value as { doc: unknown; version: number };
      const save = await workbench.call('cases:save', { id, version: stored.version, doc: stored.doc });
      expect(save.error?.code).toBe('CASE_LOCKED');

      await proof.back();
      await expect(library.stageLegend('final')).toHaveAttribute('data-count', '1');
      await library.openCase(CASE);
      await expect(proof.editor).toHaveAttribute('contenteditable', 'false');

      // Unlocking (from the banner) goes back to a chosen stage with a reason; the text is editable again in place.
      await panel.unlockFromBanner('proof3', '作者补充获奖情况');
      await expect(panel.stage).toHaveAttribute('data-stage', 'proof3');
      await expect(panel.lockBanner).toBeHidden();
      await expect(proof.editor).toHaveAttribute('contenteditable', 'true');
      await proof.appendTo('件件实事系民心', '（补）');
      await expect(proof.saveState).toHaveAttribute('data-state', 'saved');
      expect(((await workbench.call('cases:get', { id })).value as { text: string }).text).toContain('件件实事系民心（补）');

      // Send back, with a reason.
      await panel.sendBack('proof1', '引文出处待核');
      await expect(panel.stage).toHaveAttribute('data-stage', 'proof1');

      // Flag 有疑问 and clear it: a badge in the case bar while it is raised.
      await panel.flag('获奖年份存疑');
      await expect(panel.flagBadge).toBeVisible();
      await expect(panel.flagBadge).toHaveAttribute('title', '获奖年份存疑');
      await panel.open();
      await expect(panel.flagBox).toContainText('获奖年份存疑');
      await panel.clearFlag('已核对原件');
      await expect(panel.flagBadge).toBeHidden();

      // The timeline tells it all: who, from → to, notes and reasons.
      await panel.showHistory();
      await expect(panel.eventsOfKind('signoff')).toHaveCount(7);
      await expect(panel.eventsOfKind('signoff').last()).toContainText('初审通过');
      await expect(panel.eventsOfKind('signoff').last()).toContainText('甲');
      await expect(panel.eventsOfKind('unlock')).toContainText('作者补充获奖情况');
      await expect(panel.eventsOfKind('unlock')).toHaveAttribute('data-from', 'final');
      await expect(panel.eventsOfKind('sendback')).toContainText('引文出处待核');
      await expect(panel.eventsOfKind('flag')).toContainText('获奖年份存疑');
      await expect(panel.eventsOfKind('unflag')).toContainText('已核对原件');
      await expect(panel.eventsOfKind('create')).toHaveCount(1);
      await expect(panel.events.first()).toHaveAttribute('data-kind', 'unflag');
      await page.screenshot({ path: testInfo.outputPath('timeline.png') });
    });

    test('“later” leaves no name: signing says where to set it, and works once it is set', async ({ page, workbench }) => {
      await workbench.call('sample:install');
      const library = new LibraryPage(page);
      await library.goto(workbench.url);
      await new UserNamePrompt(page).later();
      await library.openVolume(VOLUME);
      await library.openCase(CASE);
      const proof = new ProofreadPage(page);
      const panel = proof.stages;
      await panel.open();
      await expect(panel.signerMissing).toContainText('设置');
      await expect(panel.signoffButton).toBeDisabled();
      const refused = await workbench.call('cases:act', {
        id: await proof.caseId(),
        action: { kind: 'signoff', to: 'review1' },
      });
      expect(refused.error?.code).toBe('SIGNER_REQUIRED');

      await panel.setUserNameFromPanel();
      await new SettingsDialog(page).setUserName('丙');
      await panel.signOff();
      await expect(panel.stage).toHaveAttribute('data-stage', 'review1');
    });
  });

  test('a one-person library may relax the rule; the timeline marks such sign-offs', async ({ page, workbench }) => {
    await workbench.call('sample:install');
    await openSampleVolume(page, workbench);
    const header = new AppHeader(page);
    const settings = await header.openSettings();
    await settings.workflow.allowSameSigner.check();
    await settings.workflow.save();
    await expect(settings.workflow.saveButton).toBeDisabled();
    await settings.close();

    const library = new LibraryPage(page);
    await library.openCase(CASE);
    const panel = new ProofreadPage(page).stages;
    await panel.signOff();
    await panel.open();
    await expect(panel.signoffBlocked).toBeHidden();
    await panel.signOff('一人团队');
    await expect(panel.stage).toHaveAttribute('data-stage', 'review2');
    await panel.showHistory();
    await expect(panel.eventsTo('review2')).toHaveAttribute('data-relaxed', 'true');
    await expect(panel.eventsTo('review2')).toContainText('同一人签字（本库已放宽）');
    await expect(panel.eventsTo('review1')).not.toHaveAttribute('data-relaxed', 'true');
  });
});

test.describe('workflow settings', () => {
  test('rename a stage and see it on the badges; add and remove empty stages; a stage with cases cannot be removed', async ({
    page,
    workbench,
  }, testInfo) => {
    await workbench.call('sample:install');
    const library = await openSampleVolume(page, workbench);
    const header = new AppHeader(page);
    const settings = await header.openSettings();
    const wf = settings.workflow;
    await expect(wf.rows).toHaveCount(8);

    await wf.rename('imported', '待处理');
    await wf.insertAfter('review1', '外审');
    await wf.save();
    await expect(wf.saveButton).toBeDisabled();
    await expect(wf.rows).toHaveCount(9);
    await expect(wf.rows.nth(2)).toHaveAttribute('data-key', /^c-/);
    await settings.close();
    await expect(library.caseRows.first().getByText('待处理')).toBeVisible();
    await expect(library.stageLegend('imported')).toContainText('待处理');
    await library.openCase(CASE);
    const proof = new ProofreadPage(page);
    await expect(proof.stages.stage).toHaveText('待处理');
    await proof.back();

    // Remove the stage just added and an empty built-in one.
    await header.openSettings();
    await wf.remove(
      await wf.rows
        .nth(2)
        .getAttribute('data-key')
        .then((k) => k!),
    );
    await wf.remove('review2');
    await wf.save();
    await expect(wf.saveButton).toBeDisabled();
    await expect(wf.rows).toHaveCount(7);
    await expect(wf.row('review2')).toHaveCount(0);

    // The stage the sample's cases sit in: refused by main, named as the user reads it.
    await wf.remove('imported');
    await wf.save();
    await expect(wf.error).toHaveAttribute('data-code', 'STAGE_IN_USE');
    await expect(wf.error).toContainText('待处理');
    await wf.root.screenshot({ path: testInfo.outputPath('workflow-settings.png') });
    const stored = (await workbench.call('workflow:get')).value as { stages: { key: string }[] };
    expect(stored.stages.map((s) => s.key)).toContain('imported');
    expect(stored.stages).toHaveLength(7);
  });
});
