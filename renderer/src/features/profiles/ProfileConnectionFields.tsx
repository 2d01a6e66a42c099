import { KNOWN_HOSTS } from '../../../../shared/identifiers';
import { ENVIRONMENTS, type Environment } from '../../../../shared/profile';
import { SelectField } from '../../components/SelectField';
import { TextField, type TextFieldProps } from '../../components/TextField';
import { t } from '../../i18n';
import { environmentName } from '../../lib/environment';

export interface ProfileConnectionFieldsProps {
  name: TextFieldProps;
  baseUrl: TextFieldProps;
  environment: Environment;
  onEnvironmentChange: (environment: Environment) => void;
}

/** The profile editor's first group: the profile's name, the server and its environment. */
export function ProfileConnectionFields({
  name,
  baseUrl,
  environment,
  onEnvironmentChange,
}: ProfileConnectionFieldsProps) {
  return (
    <fieldset className="group">
      <legend className="group-title">{t('profile.group.connection')}</legend>
      <TextField {...name} help={t('profile.name.help')} />
      <TextField
        {...baseUrl}
        type="url"
        inputMode="url"
        list="known-hosts"
        placeholder={KNOWN_HOSTS[0].url}
        help={t('profile.baseUrl.help')}
      />
      <datalist id="known-hosts">
        {KNOWN_HOSTS.map((host) => (
          <option key={host.url} value={host.url} label={host.label} />
        ))}
      </datalist>
      <SelectField
        id="profile-environment"
        label={t('profile.environment')}
        value={environment}
        onChange={(value) => onEnvironmentChange(value as Environment)}
        options={ENVIRONMENTS.map((option) => ({ value: option, label: environmentName(option) }))}
        help={t('profile.environment.help')}
      />
    </fieldset>
  );
}
