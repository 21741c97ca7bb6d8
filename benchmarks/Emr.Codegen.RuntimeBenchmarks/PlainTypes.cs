using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Emr.Codegen.RuntimeBenchmarks.Plain
{
    // The default spec's objects as plain classes, written by hand for the other contenders: the same member names and
    // types (enumerations as their raw type), every member nullable. System.Text.Json (StjContext, WhenWritingNull) and
    // Newtonsoft.Json (NullValueHandling.Ignore) read and write them; DataAnnotations validates them with the spec's
    // checks as attributes, the cross-member rules as IValidatableObject, nested objects through ValidateObject/ValidateEach.

    public sealed class CreateInstanceRequest : IValidatableObject
    {
        [Required] public ulong? ProductId { get; set; } // an open enumeration: any value
        [Required, ValidateObject] public VPCSettings? VPCSettings { get; set; }
        [Required] public List<string>? Software { get; set; }
        [Required, ValidateObject] public NewResourceSpec? ResourceSpec { get; set; }
        [Required, AllowedValues(0UL, 1UL)] public ulong? SupportHA { get; set; }
        [Required, StringLength(36, MinimumLength = 6), RegularExpression(Patterns.InstanceName)] public string? InstanceName { get; set; }
        [Required, AllowedValues(0UL, 1UL)] public ulong? PayMode { get; set; }
        [Required, ValidateObject] public Placement? Placement { get; set; }
        [Required] public ulong? TimeSpan { get; set; }
        [Required, AllowedValues("s", "m")] public string? TimeUnit { get; set; }
        [Required, ValidateObject] public LoginSettings? LoginSettings { get; set; }
        [ValidateObject] public COSSettings? COSSettings { get; set; }
        [RegularExpression(Patterns.SgId)] public string? SgId { get; set; }
        [ValidateEach] public List<PreExecuteFileSettings>? PreExecutedFileSettings { get; set; }
        [AllowedValues(null, 0UL, 1UL)] public ulong? AutoRenew { get; set; }
        public string? ClientToken { get; set; }
        [AllowedValues(null, "NEED_MASTER_WAN", "NOT_NEED_MASTER_WAN")] public string? NeedMasterWan { get; set; }
        public long? RemoteLoginAtCreate { get; set; }
        public long? CheckSecurity { get; set; }
        public string? ExtendFsField { get; set; }
        [ValidateEach] public List<Tag>? Tags { get; set; }
        [MaxLength(1)] public List<string>? DisasterRecoverGroupIds { get; set; }
        [AllowedValues(null, 0UL, 1UL)] public ulong? CbsEncrypt { get; set; }
        [AllowedValues(null, "EMR_DEFAULT_META", "EMR_EXIST_META", "USER_CUSTOM_META")] public string? MetaType { get; set; }
        public string? UnifyMetaInstanceId { get; set; }
        [ValidateObject] public CustomMetaInfo? MetaDBInfo { get; set; }
        public string? ApplicationRole { get; set; }

        /// <summary>The spec's rules (errors and warnings alike, as Validate() reports both).</summary>
        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (PayMode == 0 && TimeUnit != "s") yield return new ValidationResult(Rules.PayAsYouGoNeedsSeconds, new[] { nameof(TimeUnit) });
            if (PayMode == 1 && TimeUnit != "m") yield return new ValidationResult(Rules.MonthlyNeedsMonths, new[] { nameof(TimeUnit) });
            if (TimeUnit == "s" && TimeSpan != 3600) yield return new ValidationResult(Rules.SecondsNeedTimeSpan3600, new[] { nameof(TimeSpan) });
            if (TimeUnit == "m" && !(TimeSpan >= 1)) yield return new ValidationResult(Rules.MonthsNeedTimeSpanOfOneOrMore, new[] { nameof(TimeSpan) });
            if (MetaType == "EMR_EXIST_META" && UnifyMetaInstanceId is null) yield return new ValidationResult(Rules.ExistingMetaNeedsInstance, new[] { nameof(UnifyMetaInstanceId) });
            if (MetaType == "USER_CUSTOM_META" && MetaDBInfo is null) yield return new ValidationResult(Rules.CustomMetaNeedsDatabase, new[] { nameof(MetaDBInfo) });
            if (MetaType == "USER_CUSTOM_META" && MetaDBInfo is not null && MetaDBInfo.MetaDataJdbcUrl is null) yield return new ValidationResult(Rules.CustomMetaNeedsJdbcUrl, new[] { "MetaDBInfo.MetaDataJdbcUrl" });
            if (SgId is not null && RemoteLoginAtCreate is not null) yield return new ValidationResult(Rules.RemoteLoginIgnoredWithSecurityGroup, new[] { nameof(RemoteLoginAtCreate) });
            if (AutoRenew == 1 && PayMode != 1) yield return new ValidationResult(Rules.AutoRenewOnlyForMonthly, new[] { nameof(PayMode) });
        }
    }

    public sealed class CreateInstanceResponse
    {
        public string? InstanceId { get; set; }
        public string? RequestId { get; set; }
        public ResponseError? Error { get; set; }
    }

    public sealed class ResponseError
    {
        public string? Code { get; set; }
        public string? Message { get; set; }
    }

    /// <summary>The API's envelope, <c>{"Response": {...}}</c>.</summary>
    public sealed class CreateInstanceResponseEnvelope
    {
        public CreateInstanceResponse? Response { get; set; }
    }

    public sealed class VPCSettings
    {
        [Required] public string? VpcId { get; set; }
        [Required] public string? SubnetId { get; set; }
    }

    public sealed class NewResourceSpec
    {
        [ValidateObject] public Resource? MasterResourceSpec { get; set; }
        [ValidateObject] public Resource? CoreResourceSpec { get; set; }
        [ValidateObject] public Resource? TaskResourceSpec { get; set; }
        public long? MasterCount { get; set; }
        [Range(0L, 20L)] public long? CoreCount { get; set; }
        public long? TaskCount { get; set; }
        [ValidateObject] public Resource? CommonResourceSpec { get; set; }
        public long? CommonCount { get; set; }
    }

    public sealed class Resource
    {
        [Required] public string? Spec { get; set; }
        [Required] public long? StorageType { get; set; } // open enumeration
        [Required] public string? DiskType { get; set; } // open enumeration
        [Required] public long? MemSize { get; set; }
        [Required] public long? Cpu { get; set; }
        [Required] public long? DiskSize { get; set; }
        public long? RootSize { get; set; }
        [ValidateEach] public List<MultiDisk>? MultiDisks { get; set; }
        [ValidateEach] public List<Tag>? Tags { get; set; }
        public string? InstanceType { get; set; }
        public ulong? LocalDiskNum { get; set; }
        public ulong? DiskNum { get; set; }
        public string? GpuDesc { get; set; }
    }

    public sealed class MultiDisk
    {
        public string? DiskType { get; set; } // open enumeration
        public long? Volume { get; set; }
        public long? Count { get; set; }
    }

    public sealed class Placement
    {
        [Required] public string? Zone { get; set; }
        public long? ProjectId { get; set; }
    }

    public sealed class LoginSettings : IValidatableObject
    {
        [StringLength(16, MinimumLength = 8), RegularExpression(Patterns.Password)] public string? Password { get; set; }
        public string? PublicKeyId { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Password is null && PublicKeyId is null) yield return new ValidationResult(Rules.PasswordOrKey, new[] { nameof(Password) });
        }
    }

    public sealed class COSSettings
    {
        [Required] public string? CosSecretId { get; set; }
        [Required] public string? CosSecretKey { get; set; }
        public string? LogOnCosPath { get; set; }
    }

    public sealed class PreExecuteFileSettings
    {
        public string? Path { get; set; }
        public List<string>? Args { get; set; }
        public string? Bucket { get; set; }
        public string? Region { get; set; }
        public string? Domain { get; set; }
        public long? RunOrder { get; set; }
        [AllowedValues(null, "resourceAfter", "clusterAfter")] public string? WhenRun { get; set; }
        public string? CosFileName { get; set; }
        public string? CosFileURI { get; set; }
        public string? CosSecretId { get; set; }
        public string? CosSecretKey { get; set; }
        public string? AppId { get; set; }
        public string? Remark { get; set; }
    }

    public sealed class Tag
    {
        public string? TagKey { get; set; }
        public string? TagValue { get; set; }
    }

    public sealed class CustomMetaInfo
    {
        [RegularExpression(Patterns.MetaDataJdbcUrl)] public string? MetaDataJdbcUrl { get; set; }
        public string? MetaDataUser { get; set; }
        public string? MetaDataPass { get; set; }
    }

    /// <summary>The spec's patterns (each must match the whole value, as RegularExpressionAttribute and the spec both take them).</summary>
    public static class Patterns
    {
        public const string InstanceName = @"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9_-]*";
        public const string SgId = "sg-[a-z0-9]{8}";
        public const string Password = "(?=[^A-Z]*[A-Z])(?=[^a-z]*[a-z])(?=[^0-9]*[0-9])(?=[^!@%^*]*[!@%^*])[A-Za-z0-9][A-Za-z0-9!@%^*]*";
        public const string MetaDataJdbcUrl = @"jdbc:mysql://[\s\S]*";
    }

    /// <summary>The spec's rule messages.</summary>
    public static class Rules
    {
        public const string PayAsYouGoNeedsSeconds = "With PayMode 0 (pay-as-you-go), TimeUnit must be \"s\"";
        public const string MonthlyNeedsMonths = "With PayMode 1 (monthly subscription), TimeUnit must be \"m\"";
        public const string SecondsNeedTimeSpan3600 = "With TimeUnit \"s\", TimeSpan must be 3600";
        public const string MonthsNeedTimeSpanOfOneOrMore = "With TimeUnit \"m\", TimeSpan counts months and must be at least 1";
        public const string ExistingMetaNeedsInstance = "With MetaType \"EMR_EXIST_META\", UnifyMetaInstanceId must name the EMR-MetaDB instance";
        public const string CustomMetaNeedsDatabase = "With MetaType \"USER_CUSTOM_META\", MetaDBInfo must describe the database";
        public const string CustomMetaNeedsJdbcUrl = "With MetaType \"USER_CUSTOM_META\", MetaDBInfo.MetaDataJdbcUrl must give the database's JDBC URL";
        public const string RemoteLoginIgnoredWithSecurityGroup = "RemoteLoginAtCreate has no effect when SgId is set";
        public const string AutoRenewOnlyForMonthly = "AutoRenew 1 applies only to monthly subscriptions (PayMode 1); a pay-as-you-go cluster is not renewed";
        public const string PasswordOrKey = "LoginSettings needs a Password or a PublicKeyId";
    }

    /// <summary>Validates a nested object's own attributes (DataAnnotations does not recurse by itself).</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ValidateObjectAttribute : ValidationAttribute
    {
        protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
        {
            if (value is null)
            {
                return ValidationResult.Success;
            }

            var results = new List<ValidationResult>();
            return Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true)
                ? ValidationResult.Success
                : new ValidationResult(validationContext.MemberName + ": " + results[0].ErrorMessage, new[] { validationContext.MemberName! });
        }
    }

    /// <summary>Validates each object of a list.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ValidateEachAttribute : ValidationAttribute
    {
        protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
        {
            if (value is not IEnumerable items)
            {
                return ValidationResult.Success;
            }

            int index = 0;
            foreach (object? item in items)
            {
                var results = new List<ValidationResult>();
                if (item is not null && !Validator.TryValidateObject(item, new ValidationContext(item), results, validateAllProperties: true))
                {
                    return new ValidationResult(validationContext.MemberName + "." + index + ": " + results[0].ErrorMessage, new[] { validationContext.MemberName! });
                }

                index++;
            }

            return ValidationResult.Success;
        }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(CreateInstanceRequest))]
    [JsonSerializable(typeof(CreateInstanceResponseEnvelope))]
    public partial class StjContext : JsonSerializerContext
    {
    }
}
