namespace Emr.Codegen.Spec
{
    /// <summary>
    /// What every Tencent Cloud API shares and its api.json files do not say: the defaults of the spec's
    /// <c>metadata</c> keys of the same names. A spec overrides each one; these are the only places the names occur.
    /// </summary>
    internal static class PlatformConventions
    {
        /// <summary>metadata.missingErrorCode: the code for a required parameter that was not sent (used when an action lists it).</summary>
        public const string MissingErrorCode = "MissingParameter";

        /// <summary>metadata.idempotencyToken: the request member whose value makes a retried request act once.</summary>
        public const string IdempotencyToken = "ClientToken";

        /// <summary>metadata.rateLimitErrorCode: the code (and, with a dot, the family) of a request refused for its rate, before it acted.</summary>
        public const string RateLimitErrorCode = "RequestLimitExceeded";
    }
}
