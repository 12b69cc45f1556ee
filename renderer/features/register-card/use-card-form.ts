import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardRecord } from '../../../shared/domain/card';
import type { FieldError } from '../../../shared/domain/errors';
import type { Organisation } from '../../../shared/domain/organisation';
import type { FindingOut } from '../../../shared/ipc/contract';
import { useApi } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { readStored, STORAGE_KEYS, writeStored } from '../../lib/storage';
import { firstErrorField, placeFieldErrors, type FormErrors } from './field-errors';
import { applyChange, createInitialValues, type CardFormValues, type FormField } from './form-state';
import { fieldId } from './section-props';
import { buildCardInput, toFindingsDraft, type CardDraft, type CardInputWire } from './to-card-input';
import { useVerdict, verdictFindings } from './use-verdict';

/** DOM id of the "I confirm despite the violation" checkbox. */
export const CONFIRM_ID = 'card-violationConfirmed';

const END_FIELDS: readonly FormField[] = ['extendsCardId', 'endedAt', 'endReason'];

/** Tells whether typed text is meant as an HSA-id (rather than a name being searched for). */
export function looksLikeHsaId(text: string): boolean {
  return /^SE\d/i.test(text.trim());
}

/** Focuses a field's input, or the first input inside it (radio groups). */
function focusField(field: FormField): void {
  const element = document.getElementById(fieldId(field));
  if (!element) return;
  const target = element.matches('input, textarea, button') ? element : element.querySelector('input');
  target?.focus();
}

/** Everything the registration form does: state, pre-fill, submit and error placement. */
export function useCardForm() {
  const api = useApi();
  const { t, i18n } = useTranslation('ui');
  const [values, setValues] = useState<CardFormValues>(() =>
    createInitialValues(Date.now(), { administrator1: readStored(STORAGE_KEYS.firstAdministrator) ?? '' }),
  );
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [registered, setRegistered] = useState<CardRecord | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [endOpened, setEndOpened] = useState(false);
  // The rule breaches the back end wants confirmed with a justification; null until it asks.
  const [refusedFor, setRefusedFor] = useState<FindingOut[] | null>(null);
  const focusAfterRender = useRef<FormField | null>(null);
  const focusConfirm = useRef(false);
  // Bumped after a registration: the register changed, so the verdict is asked for again.
  const [verdictVersion, setVerdictVersion] = useState(0);
  const verdict = useVerdict(values, verdictVersion);
  const liveViolations = useMemo(
    () => verdictFindings(verdict).filter((f) => f.severity === 'violation'),
    [verdict],
  );
  // The live verdict decides whether a confirmation is needed; a refusal by the back end
  // (a verdict still on its way) shows it too.
  const violations: FindingOut[] | null =
    liveViolations.length > 0 ? liveViolations : verdict.state === 'ready' ? null : refusedFor;
  const [confirmed, setConfirmedState] = useState(false);
  const [confirmError, setConfirmError] = useState(false);
  const setConfirmed = useCallback((value: boolean) => {
    setConfirmedState(value);
    if (value) setConfirmError(false);
  }, []);

  // Read again after a registration, which may have added an organisation.
  const organisationList = useChannel((api) => api['organisations:list']({}), []);
  // Without the list every HSA-id counts as new, so the name is asked for rather than lost.
  const organisations: Organisation[] | null = organisationList.error ? [] : organisationList.data;

  const typedOrganisation = values.organisationHsaId.trim();
  const organisationIsNew =
    organisations !== null &&
    looksLikeHsaId(typedOrganisation) &&
    // HSA-ids are stored in upper case and match in any case (SPEC §3).
    !organisations.some((o) => o.hsaId === typedOrganisation.toUpperCase());

  const isVisible = useCallback(
    (field: FormField) => {
      if (field === 'organisationName') return organisationIsNew;
      if (field === 'unplannedPersonnel') return values.assuranceLevel === '2';
      if (field === 'violationJustification') return violations !== null;
      return true;
    },
    [organisationIsNew, values.assuranceLevel, violations],
  );

  // Errors are kept as keys and translated on render, so switching language follows.
  const errors: FormErrors = useMemo(
    () => placeFieldErrors(fieldErrors, i18n.getFixedT(null, 'common'), isVisible),
    // i18n.language: the fixed t reads the current language when called.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fieldErrors, i18n, i18n.language, isVisible],
  );

  useEffect(() => {
    if (focusConfirm.current) {
      focusConfirm.current = false;
      document.getElementById(CONFIRM_ID)?.focus();
    }
    const field = focusAfterRender.current;
    if (!field) return;
    focusAfterRender.current = null;
    focusField(field);
  });

  const change = useCallback((patch: Partial<CardFormValues>) => {
    setValues((current) => applyChange(current, patch));
  }, []);

  /** Shows the rule breaches behind a refusal, so the desk knows what it confirms. */
  const askForJustification = async (draft: CardDraft) => {
    const findingsDraft = toFindingsDraft(draft);
    const preview = findingsDraft ? await api['findings:preview'](findingsDraft) : null;
    setRefusedFor(preview?.ok ? preview.value.filter((f) => f.severity === 'violation') : []);
  };

  /** Shows errors and focuses the first; `shown` are fields about to appear with them. */
  const showErrors = (list: FieldError[], shown: readonly FormField[] = []) => {
    setFieldErrors(list);
    if (list.some((e) => (END_FIELDS as readonly string[]).includes(e.field))) setEndOpened(true);
    const visible = (field: FormField) => shown.includes(field) || isVisible(field);
    const placed = placeFieldErrors(list, i18n.getFixedT(null, 'common'), visible);
    focusAfterRender.current = firstErrorField(placed);
  };

  const submit = async () => {
    if (submitting) return;
    setFailure(null);
    setRegistered(null);
    // A violation is registered only on purpose: without the confirmation the justification
    // is not sent, so the back end refuses the card (and still names every other error).
    const unconfirmed = !confirmed;
    setConfirmError(violations !== null && unconfirmed);
    const sent = violations !== null && confirmed ? values : { ...values, violationJustification: '' };
    const built = buildCardInput(sent, organisationIsNew);
    if (!built.ok) {
      showErrors(built.errors);
      return;
    }
    setSubmitting(true);
    // The draft may lack required fields on purpose: the back end names each of them.
    const result = await api['cards:register'](built.draft as CardInputWire);
    setSubmitting(false);
    if (result.ok) {
      writeStored(STORAGE_KEYS.firstAdministrator, values.administrator1.trim());
      setRegistered(result.value);
      setFieldErrors([]);
      setEndOpened(false);
      setRefusedFor(null);
      setConfirmedState(false);
      setConfirmError(false);
      setVerdictVersion((n) => n + 1);
      setValues(
        createInitialValues(Date.now(), {
          organisationHsaId: values.organisationHsaId,
          organisationName: '',
          administrator1: values.administrator1,
          administrator2: values.administrator2,
        }),
      );
      focusAfterRender.current = 'cardNumber';
      organisationList.reload();
    } else if (result.error.code === 'invalid-input' && result.error.fields?.length) {
      let fields = result.error.fields;
      const confirm = fields.some((f) => f.field === 'violationJustification');
      if (confirm) {
        const firstTime = violations === null;
        if (firstTime) await askForJustification(built.draft);
        // The first time, the confirmation panel itself is the message, and until the box
        // is ticked its own message says what is missing; an error under the empty
        // justification would only repeat it.
        if (firstTime || unconfirmed) fields = fields.filter((f) => f.field !== 'violationJustification');
        if (!firstTime && unconfirmed) setConfirmError(true);
        showErrors(fields, ['violationJustification']);
        if (!focusAfterRender.current) {
          if (!firstTime && unconfirmed) focusConfirm.current = true;
          else focusAfterRender.current = 'violationJustification';
        }
      } else {
        showErrors(fields);
      }
    } else {
      setFieldErrors([]);
      setFailure(t(`common:error.${result.error.code}`));
    }
  };

  return {
    values,
    change,
    errors,
    failure,
    registered,
    dismissRegistered: () => setRegistered(null),
    submitting,
    submit,
    organisations,
    organisationIsNew,
    endOpened,
    setEndOpened,
    violations,
    verdict,
    confirmed,
    setConfirmed,
    confirmError,
  };
}
