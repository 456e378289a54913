import type { ImportJob } from '@siyu/contracts';
import { Card, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportProgress } from './import-progress';
import { MappingStep } from './mapping-step';
import { UploadStep } from './upload-step';

export type WizardState =
  | { step: 'upload' }
  | { step: 'mapping'; job: ImportJob }
  | { step: 'progress'; jobId: string };

/** Upload → map columns → progress and results. */
export function ImportWizard({ state, onChange }: { state: WizardState; onChange: (s: WizardState) => void }) {
  const { t } = useTranslation();
  const current = state.step === 'upload' ? 0 : state.step === 'mapping' ? 1 : 2;
  return (
    <Card>
      <Steps
        current={current}
        size="small"
        style={{ marginBottom: 24 }}
        items={[
          { title: t('imports.steps.upload') },
          { title: t('imports.steps.mapping') },
          { title: t('imports.steps.progress') },
        ]}
      />
      {state.step === 'upload' && <UploadStep onUploaded={(job) => onChange({ step: 'mapping', job })} />}
      {state.step === 'mapping' && (
        <MappingStep
          job={state.job}
          onStarted={(j) => onChange({ step: 'progress', jobId: j.id })}
          onCancel={() => onChange({ step: 'upload' })}
        />
      )}
      {state.step === 'progress' && <ImportProgress jobId={state.jobId} onAgain={() => onChange({ step: 'upload' })} />}
    </Card>
  );
}
