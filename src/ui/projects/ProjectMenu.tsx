import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { deserialiseProject, projectErrorMessage, serialiseProject } from '../../state/projects/projectFormat';
import { deleteProject, listProjects, type ProjectSummary } from '../../state/projects/projectDb';
import {
  captureProject,
  createProject,
  duplicateCurrent,
  importProject,
  renameCurrent,
  saveNow,
  switchTo,
  useProjectSession,
} from '../../state/projects/projectSession';

/**
 * 项目: the current project's name and whether it is kept, and a dialog to create, rename,
 * duplicate, delete, open, export and import projects. Errors show in the dialog, next to the
 * button pressed, in the current language.
 */
export function ProjectMenu() {
  const { t } = useTranslation(['projects', 'translation']);
  const lang = useLang();
  const name = useProjectSession((s) => s.name);
  const dirty = useProjectSession((s) => s.dirty);
  const storageError = useProjectSession((s) => s.storageError);
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<ProjectSummary[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    setDraft(useProjectSession.getState().name);
    listProjects().then(setList, setError);
  }, [open]);

  // Every action ends by re-reading the kept projects: the list shows what is kept now.
  const guard = (f: () => Promise<void>) => () => {
    setError(null);
    f()
      .catch(setError)
      .then(() => listProjects())
      .then(setList, setError);
  };
  const title = name || t('untitled');

  const exportFile = async () => {
    await saveNow();
    const p = captureProject(Date.now());
    const blob = new Blob([serialiseProject(p)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${(p.name || 'project').replace(/[\\/:*?"<>|]/g, '_')}.yulintu.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  const importFile = async (file: File) => {
    const p = deserialiseProject(await file.text(), Date.now());
    await importProject(p);
  };

  return (
    <span className="project-menu">
      <button type="button" data-testid="project-menu" aria-expanded={open} onClick={() => setOpen(!open)} title={dirty ? t('unsaved') : t('saved')}>
        {t('menu')}: {title}
        {dirty ? ' •' : ''}
      </button>
      {open && (
        <div className="dialog project-dialog" role="dialog" aria-label={t('menu')} data-testid="project-dialog">
          <h2>{t('menu')}</h2>
          <label className="field">
            <span>{t('namePrompt')}</span>
            <input type="text" value={draft} maxLength={120} onChange={(e) => setDraft(e.target.value)} data-testid="project-name" />
          </label>
          <p className="muted" role="status">
            {dirty ? t('unsaved') : t('saved')}
          </p>
          <div className="row">
            <button type="button" onClick={guard(() => renameCurrent(draft.trim()))} data-testid="project-rename">
              {t('rename')}
            </button>
            <button type="button" onClick={guard(() => duplicateCurrent(`${title}${t('copySuffix')}`))} data-testid="project-duplicate">
              {t('duplicate')}
            </button>
            <button type="button" onClick={guard(() => createProject(t('untitled')))} data-testid="project-create">
              {t('create')}
            </button>
          </div>
          <div className="row">
            <button type="button" onClick={guard(exportFile)} data-testid="project-export">
              {t('exportFile')}
            </button>
            <button type="button" onClick={() => fileInput.current?.click()} data-testid="project-import">
              {t('importFile')}
            </button>
            <input
              ref={fileInput}
              type="file"
              hidden
              accept=".json,application/json"
              data-testid="project-import-input"
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) guard(() => importFile(f))();
              }}
            />
          </div>
          {(error !== null || storageError !== null) && (
            <p className="error" role="alert" data-testid="project-error">
              {projectErrorMessage(error ?? storageError, lang)}
            </p>
          )}
          <ul className="project-list" data-testid="project-list">
            {list.map((p) => (
              <li key={p.id} data-id={p.id} data-current={p.id === useProjectSession.getState().id ? 'true' : undefined}>
                <span>{p.name || t('untitled')}</span>{' '}
                {p.id !== useProjectSession.getState().id && (
                  <>
                    <button type="button" className="link" onClick={guard(() => switchTo(p.id))} data-testid="project-open">
                      {t('open')}
                    </button>{' '}
                    <button
                      type="button"
                      className="link"
                      data-testid="project-remove"
                      onClick={guard(async () => {
                        if (!confirm(t('confirmRemove', { name: p.name || t('untitled') }))) return;
                        await deleteProject(p.id);
                      })}
                    >
                      {t('remove')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setOpen(false)}>
            {t('translation:common.close')}
          </button>
        </div>
      )}
    </span>
  );
}
