export { checkAccessToken } from "./access-token.js";
export { defaultApiVersion, graphBaseUrl } from "./api-version.js";
export type { AnyRecipient } from "./builders/any-recipient.js";
export { objectArgument } from "./builders/arguments.js";
export type { Buildable } from "./builders/buildable.js";
export type { ContactAddress, ContactBuilder, ContactName, ContactsBuilder } from "./builders/contacts.js";
export type { GroupRecipient } from "./builders/group-recipient.js";
export type { ButtonsBuilder } from "./builders/interactive/buttons.js";
export type * from "./builders/interactive/calls.js"; // its builders and options, every export of it
export type { CardHeader, CardOptions, CarouselBuilder, ProductCarouselBuilder, ProductIds } from "./builders/interactive/carousel.js";
export type { CtaUrlBuilder, CtaUrlButton } from "./builders/interactive/cta-url.js";
export type { FlowAction, FlowBuilder, FlowOptions, FlowTarget } from "./builders/interactive/flow.js";
export type { ListBuilder, SectionBuilder } from "./builders/interactive/list.js";
export type { MediaHeader } from "./builders/interactive/parts.js";
export type { CatalogBuilder, LocationRequestBuilder, ProductBuilder } from "./builders/interactive/product.js";
export type { ProductListBuilder } from "./builders/interactive/product-list.js";
export type { MarkReadBuilder } from "./builders/mark-read.js";
export type { Addressing, MessageBase } from "./builders/message-base.js";
export type { MessageBuilder } from "./builders/message-builder.js";
export type { Recipient } from "./builders/recipient.js";
export {
  type BodyKind,
  type ButtonKind,
  type CardDefinition,
  defineTemplates,
  type HeaderKind,
  type TemplateDefinition,
  type TemplateDefinitions,
  type TemplateValues,
} from "./builders/template/definitions.js";
export type {
  BodyParameters,
  Currency,
  DateTime,
  HeaderParameter,
  HeaderParameters,
  ParameterName,
  TemplateLocation,
} from "./builders/template/parameters.js";
export type { ButtonIndex, IndexInput, MultiProduct, TemplateBuilder, TemplateCards } from "./builders/template/template-builder.js";
export type { TemplateCatalog, TypedRecipient } from "./builders/template/typed.js";
export { type ComposedMsg, type ComposedRecipient, createMsg, type GroupKind, type Kinds } from "./create-msg.js";
export { type BuildResult, PayloadError } from "./errors.js";
export { formatIssue, hasErrors, type Issue, type IssueCode, type Severity } from "./issue.js";
export type { ContactCards } from "./kinds/contacts.js";
export type { KindHost } from "./kinds/host.js";
export {
  audio,
  buttons,
  callPermissionRequest,
  carousel,
  catalog,
  contacts,
  ctaUrl,
  document,
  flow,
  image,
  list,
  location,
  locationRequest,
  pin,
  product,
  productCarousel,
  productList,
  react,
  requestContactInfo,
  sticker,
  template,
  text,
  unpin,
  video,
  voiceCall,
} from "./kinds/index.js";
export {
  contactInfoTypes,
  headerTypes,
  interactiveTypes,
  limits,
  mediaLimits,
  mediaTypes,
  phoneTypes,
  recipientTypes,
  templateCreationLimits,
  throughputLimits,
} from "./limits.js";
export { isAnimatedWebp, type MediaKind, type MediaUpload, mediaKindOf, mediaUploadProblem } from "./media-upload.js";
export { msg } from "./msg.js";
export { audioTo, documentTo, imageTo, locationTo, markRead, reactionTo, stickerTo, textTo, videoTo } from "./per-kind.js";
export { callingGraphErrorCodes, type GraphErrorSource, graphErrorSources } from "./protocol/error-code-sources.js";
export {
  classifyGraphError,
  type GraphErrorAction,
  type GraphErrorCategory,
  graphErrorCodes,
  knownGraphErrorCodes,
} from "./protocol/error-codes.js";
export { graphErrorTitles } from "./protocol/error-titles.js";
export type { GraphErrorBody } from "./protocol/graph-error.js";
export {
  knownPricingCategories,
  knownPricingModels,
  knownPricingTypes,
  type PricingCategory,
  type PricingModel,
  type PricingType,
} from "./protocol/pricing.js";
export { retryableGraphErrorCodes } from "./protocol/retryable-codes.js";
export {
  classifyTemplateManagementError,
  type TemplateManagementErrorCode,
  type TemplateManagementErrorLike,
  templateManagementCode,
  templateManagementErrorCodes,
  templateManagementErrors,
} from "./protocol/template-management-codes.js";
export { templateManagementLimits } from "./protocol/template-management-limits.js";
export { checkTokenOrigins, metaMediaOrigins, tokenDestinationProblem } from "./protocol/token-destinations.js";
export { type ByteStream, readBounded } from "./read-bounded.js";
export { recipientKey } from "./recipient-key.js";
export { validate } from "./rules/validate.js";
export { checkTemplateCreation, type TemplateRuleIssue } from "./template-creation/check.js";
export type {
  AnyCase,
  BodyComponent,
  ButtonsComponent,
  CallPermissionRequestComponent,
  CarouselCard,
  CarouselComponent,
  CatalogButton,
  CopyCodeButton,
  CreationButton,
  CreationComponent,
  FlowButton,
  FooterComponent,
  HeaderComponent,
  LimitedTimeOfferComponent,
  NamedExample,
  OtpButton,
  PhoneNumberButton,
  QuickReplyButton,
  RequestContactInfoButton,
  SupportedApp,
  TemplateCategory,
  TemplateCreateBody,
  TemplateCreation,
  TemplateCreationEntry,
  TemplateParameterFormat,
  UrlButton,
  VoiceCallButton,
} from "./template-creation/definition.js";
export { createBodyFields, obsoleteCreateBodyFields } from "./template-creation/fields.js";
export { type CreationRuleId, creationRules, type RuleStage } from "./template-creation/rules.js";
export { definitionFromTemplate, templateCreateBody } from "./template-creation/wire.js";
export { type HttpRequest, type RequestOptions, requestsTo, toRequest } from "./to-request.js";
export type { BusinessScopedId, MaxLength } from "./type-checks.js";
export type * from "./wire/index.js";
