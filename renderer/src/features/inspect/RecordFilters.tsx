import { t } from '../../i18n';
import { formatCount } from '../../lib/numberFormat';
import { SelectField } from '../../components/SelectField';
import { type DeviceChoice, type RecordFilter, STATUS_FILTERS, type StatusFilter, statusFilterOf } from './recordRows';
import { statusText } from './recordText';

export interface RecordFiltersProps {
  filter: RecordFilter;
  onChange: (filter: RecordFilter) => void;
  devices: readonly DeviceChoice[];
}

function statusFilterText(status: StatusFilter): string {
  if (status === '') return t('inspect.filter.any');
  if (status === 'possibly-stuck') return t('inspect.stuck.label');
  return statusText(status);
}

function deviceLabel(device: DeviceChoice): string {
  const count = formatCount(device.records);
  if (device.name && device.deviceId) {
    return t('inspect.filter.deviceNamed', { name: device.name, deviceId: device.deviceId, count });
  }
  return t('inspect.filter.deviceBare', { device: device.name ?? device.deviceId ?? t('result.none'), count });
}

/** Client-side filters of the records already read: by status (or possibly stuck) and by device. */
export function RecordFilters({ filter, onChange, devices }: RecordFiltersProps) {
  return (
    <fieldset className="inspect-filters">
      <legend className="visually-hidden">{t('inspect.filters')}</legend>
      <SelectField
        id="inspect-filter-status"
        label={t('inspect.filter.status')}
        value={filter.status}
        onChange={(value) => onChange({ ...filter, status: statusFilterOf(value) })}
        options={STATUS_FILTERS.map((status) => ({ value: status, label: statusFilterText(status) }))}
      />
      <SelectField
        id="inspect-filter-device"
        label={t('inspect.filter.device')}
        value={filter.device}
        onChange={(device) => onChange({ ...filter, device })}
        options={[
          { value: '', label: t('inspect.filter.anyDevice') },
          ...devices.map((device) => ({ value: device.key, label: deviceLabel(device) })),
        ]}
      />
      {(filter.status !== '' || filter.device !== '') && (
        <button type="button" className="button button--quiet" onClick={() => onChange({ status: '', device: '' })}>
          {t('inspect.filter.clear')}
        </button>
      )}
    </fieldset>
  );
}
