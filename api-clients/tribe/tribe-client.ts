import { INVOICE_EXPAND, TribeActivities } from './activities';
import { TribeAttachments } from './attachments';
import type { TribeCallListener } from './call-info';
import { TRIBE_SETS } from './entity-sets';
import { TribeDatastores } from './datastores';
import { createHttpClient } from './http-exchange';
import { TribeIdentity } from './identity';
import { ODataOperations } from './odata-operations';
import { TribeOrganizations } from './organizations';
import { TribeProducts } from './products';
import { TribeRelationships } from './relationships';
import { retryPolicy, type TribeRetryOptions } from './retry-policy';
import { tribeInvoiceSchema, tribeSalesOrderSchema, tribeSubscriptionSchema } from './schemas/activity';
import { TokenProvider } from './token-provider';
import { TribeTransport } from './transport';
import { TribeWebhooks } from './webhooks';

export interface TribeClientOptions {
  /** OData root, ending in `/v1/odata`. */
  readonly apiUrl: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Default: the `/v1/webhooks` sibling of `apiUrl`. */
  readonly webhooksUrl?: string;
  /** Per HTTP request. Default 60 s (Tribe calls can be slow; attachments are large). */
  readonly timeoutMs?: number;
  readonly retry?: TribeRetryOptions;
  /** Called for every HTTP request, retries and token requests included. */
  readonly onCall?: TribeCallListener;
}

/** Typed client for one Tribe CRM environment (one tenant's client credentials). */
export class TribeClient {
  readonly identity: TribeIdentity;
  readonly organizations: TribeOrganizations;
  readonly relationships: TribeRelationships;
  readonly products: TribeProducts;
  readonly datastores: TribeDatastores;
  readonly attachments: TribeAttachments;
  readonly invoices: TribeActivities<typeof tribeInvoiceSchema>;
  readonly salesOrders: TribeActivities<typeof tribeSalesOrderSchema>;
  readonly subscriptions: TribeActivities<typeof tribeSubscriptionSchema>;
  readonly webhooks: TribeWebhooks;
  /** Generic typed OData access for anything the resources above do not cover. */
  readonly odata: ODataOperations;
  private readonly transport: TribeTransport;

  constructor(options: TribeClientOptions) {
    const apiUrl = options.apiUrl.replace(/\/+$/, '');
    const http = createHttpClient(options.timeoutMs ?? 60_000);
    const onCall = options.onCall ?? (() => undefined);
    const tokens = new TokenProvider(http, options.tokenUrl, options.clientId, options.clientSecret, onCall);
    this.transport = new TribeTransport(http, tokens, retryPolicy(options.retry), onCall);
    this.odata = new ODataOperations(this.transport, apiUrl);
    this.identity = new TribeIdentity(this.odata);
    this.organizations = new TribeOrganizations(this.odata);
    this.relationships = new TribeRelationships(this.odata, this.identity);
    this.products = new TribeProducts(this.odata);
    this.datastores = new TribeDatastores(this.odata);
    this.attachments = new TribeAttachments(this.odata);
    this.invoices = new TribeActivities(
      this.odata,
      this.attachments,
      TRIBE_SETS.invoice,
      tribeInvoiceSchema,
      INVOICE_EXPAND,
    );
    this.salesOrders = new TribeActivities(
      this.odata,
      this.attachments,
      TRIBE_SETS.salesOrder,
      tribeSalesOrderSchema,
    );
    this.subscriptions = new TribeActivities(
      this.odata,
      this.attachments,
      TRIBE_SETS.subscription,
      tribeSubscriptionSchema,
    );
    this.webhooks = new TribeWebhooks(
      this.transport,
      options.webhooksUrl ?? apiUrl.replace(/\/odata$/, '/webhooks'),
    );
  }

  /** API requests sent so far (retries included, token requests not). */
  get callCount(): number {
    return this.transport.callCount;
  }

  ownOrganizationId(): Promise<string> {
    return this.identity.ownOrganizationId();
  }
}
