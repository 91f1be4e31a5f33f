import axios, { type AxiosInstance, type Method } from 'axios';
import type {
  ActivationResultBody,
  FailureListBody,
  MappingOptionsBody,
  PreviewReportBody,
  RetryResultBody,
  TenantAction,
  TenantListBody,
  TenantStatusReportBody,
  WebhookRenewalListBody,
} from '../admin-api/schemas/tenant-schemas';
import type { Problem } from '../operator/operator-service';
import { CliError, ExitCode } from './cli-error';

const RENEWAL_TIMEOUT_MS = 30 * 60_000;

/** HTTP client of the admin API; every failure becomes a {@link CliError} with a message a person can act on. */
export class AdminApiClient {
  private readonly http: AxiosInstance;

  constructor(
    readonly baseUrl: string,
    token: string,
    private readonly timeoutMs = 120_000,
  ) {
    this.http = axios.create({
      baseURL: baseUrl,
      timeout: timeoutMs,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      validateStatus: () => true,
    });
  }

  activate = (activationFile: unknown) =>
    this.request<ActivationResultBody>('POST', '/tenants', activationFile);

  updateConfig = (tenantId: string, activationFile: unknown) =>
    this.request<ActivationResultBody>('PUT', `${tenantPath(tenantId)}/config`, activationFile);

  listTenants = async () => (await this.request<TenantListBody>('GET', '/tenants')).tenants;

  status = (tenantId: string) =>
    this.request<TenantStatusReportBody>('GET', `${tenantPath(tenantId)}/status`);

  act = async (tenantId: string, action: TenantAction): Promise<void> => {
    await this.request('POST', `${tenantPath(tenantId)}/${action}`);
  };

  failures = async (tenantId: string) =>
    (await this.request<FailureListBody>('GET', `${tenantPath(tenantId)}/failures`)).failures;

  retry = (tenantId: string, recordId?: string) =>
    this.request<RetryResultBody>(
      'POST',
      `${tenantPath(tenantId)}/retry`,
      recordId === undefined ? undefined : { recordId },
    );

  mappingOptions = (tenantId: string) =>
    this.request<MappingOptionsBody>('GET', `${tenantPath(tenantId)}/mapping-options`);

  mappingOptionsFor = (activationFile: unknown) =>
    this.request<MappingOptionsBody>('POST', '/mapping-options', activationFile);

  /** Every tenant's Tribe account is asked in turn: hundreds of tenants take minutes, not seconds. */
  renewWebhooks = async (tenantIds: readonly string[] = []) =>
    (
      await this.request<WebhookRenewalListBody>(
        'POST',
        '/tenants/webhooks/renew',
        tenantIds.length === 0 ? undefined : { tenantIds },
        Math.max(this.timeoutMs, RENEWAL_TIMEOUT_MS),
      )
    ).tenants;

  preview = (activationFile: unknown) =>
    this.request<PreviewReportBody>('POST', '/tenants/preview', activationFile);

  private async request<T>(
    method: Method,
    path: string,
    body?: unknown,
    timeoutMs = this.timeoutMs,
  ): Promise<T> {
    let response;
    try {
      response = await this.http.request({
        method,
        url: path,
        data: body,
        timeout: timeoutMs,
        // Without a body, axios would still announce a form body, which the admin API does not parse.
        headers: body === undefined ? { 'content-type': false } : undefined,
      });
    } catch (err) {
      // The axios error carries the request headers, token included: only its code is reported.
      const code = axios.isAxiosError(err) ? err.code : undefined;
      if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
        // The admin API was reached and is still working on it: a retry could repeat what already happened.
        throw new CliError(
          ExitCode.unavailable,
          `The admin API at ${this.baseUrl} did not answer within ${Number((timeoutMs / 1000).toFixed(1))} s; ` +
            'the request may still complete. Check with `koppeling tenant list` or `koppeling tenant status <id>` before trying again.',
        );
      }
      throw new CliError(
        ExitCode.unavailable,
        `Cannot reach the admin API at ${this.baseUrl}${code ? ` (${code})` : ''}. ` +
          'Is the system running? Start it locally with `npm run dev`, or point --api-url / KOPPELING_API_URL at it.',
      );
    }
    if (response.status >= 200 && response.status < 300) return response.data as T;
    throw this.errorFor(response.status, response.data);
  }

  private errorFor(status: number, body: unknown): CliError {
    const { message, problems } = readErrorBody(body);
    switch (status) {
      case 400:
        return new CliError(ExitCode.badInput, message ?? 'The admin API refused the input.', problems);
      case 401:
        return new CliError(
          ExitCode.unauthorized,
          `The admin API at ${this.baseUrl} refused the token. Set KOPPELING_ADMIN_TOKEN to the ` +
            "system's ADMIN_API_TOKEN (`npm run dev` prints it as adminToken), or pass --token.",
        );
      case 404:
        return new CliError(ExitCode.notFound, message ?? 'Not found.', problems);
      case 409:
        return new CliError(ExitCode.conflict, message ?? 'Conflicts with the current state.', problems);
      case 503:
        return new CliError(
          ExitCode.unavailable,
          message ?? 'A part of the system is unavailable.',
          problems,
        );
      default:
        return new CliError(
          ExitCode.unexpected,
          `The admin API at ${this.baseUrl} answered HTTP ${status}${message ? `: ${message}` : '.'}`,
          problems,
        );
    }
  }
}

const tenantPath = (tenantId: string) => `/tenants/${encodeURIComponent(tenantId)}`;

function readErrorBody(body: unknown): { message: string | undefined; problems: Problem[] } {
  if (typeof body !== 'object' || body === null) return { message: undefined, problems: [] };
  const { message, problems } = body as { message?: unknown; problems?: unknown };
  return {
    message: typeof message === 'string' ? message : undefined,
    problems: Array.isArray(problems) ? problems.filter(isProblem) : [],
  };
}

function isProblem(value: unknown): value is Problem {
  const candidate = value as Partial<Problem> | null;
  return typeof candidate?.field === 'string' && typeof candidate.message === 'string';
}
