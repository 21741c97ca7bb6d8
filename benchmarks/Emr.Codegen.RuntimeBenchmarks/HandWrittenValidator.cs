using System.Collections.Generic;
using System.Text.RegularExpressions;
using Emr.Codegen.RuntimeBenchmarks.Plain;

namespace Emr.Codegen.RuntimeBenchmarks
{
    /// <summary>
    /// The floor: the spec's checks on the plain classes, written out by hand (required members, closed enumerations,
    /// lengths, patterns, the range, the item count, nested objects and list items, every rule). Problems are collected
    /// lazily, so a valid request allocates nothing.
    /// </summary>
    public static partial class HandWrittenValidator
    {
        [GeneratedRegex(@"\A(?:" + Patterns.InstanceName + @")\z", RegexOptions.CultureInvariant)]
        private static partial Regex InstanceName();

        [GeneratedRegex(@"\A(?:" + Patterns.SgId + @")\z", RegexOptions.CultureInvariant)]
        private static partial Regex SgId();

        [GeneratedRegex(@"\A(?:" + Patterns.Password + @")\z", RegexOptions.CultureInvariant)]
        private static partial Regex Password();

        [GeneratedRegex(@"\A(?:" + Patterns.MetaDataJdbcUrl + @")\z", RegexOptions.CultureInvariant)]
        private static partial Regex JdbcUrl();

        /// <summary>The problems' paths and messages; null when there is none.</summary>
        public static List<string>? Validate(CreateInstanceRequest r)
        {
            List<string>? p = null;
            if (r.ProductId is null) Add(ref p, "ProductId is required and not set");
            if (r.VPCSettings is null) Add(ref p, "VPCSettings is required and not set");
            else
            {
                if (r.VPCSettings.VpcId is null) Add(ref p, "VPCSettings.VpcId is required and not set");
                if (r.VPCSettings.SubnetId is null) Add(ref p, "VPCSettings.SubnetId is required and not set");
            }

            if (r.Software is null) Add(ref p, "Software is required and not set");
            if (r.ResourceSpec is null) Add(ref p, "ResourceSpec is required and not set");
            else
            {
                NewResourceSpec s = r.ResourceSpec;
                Resource(s.MasterResourceSpec, "ResourceSpec.MasterResourceSpec", ref p);
                Resource(s.CoreResourceSpec, "ResourceSpec.CoreResourceSpec", ref p);
                Resource(s.TaskResourceSpec, "ResourceSpec.TaskResourceSpec", ref p);
                Resource(s.CommonResourceSpec, "ResourceSpec.CommonResourceSpec", ref p);
                if (s.CoreCount is < 0 or > 20) Add(ref p, "ResourceSpec.CoreCount must be from 0 to 20");
            }

            if (r.SupportHA is null) Add(ref p, "SupportHA is required and not set");
            else if (r.SupportHA is not (0 or 1)) Add(ref p, "SupportHA must be a value of SupportHA");
            if (r.InstanceName is null) Add(ref p, "InstanceName is required and not set");
            else
            {
                if (r.InstanceName.Length is < 6 or > 36) Add(ref p, "InstanceName must be 6 to 36 characters long");
                if (!InstanceName().IsMatch(r.InstanceName)) Add(ref p, "InstanceName may hold only Chinese characters, letters, digits, '-' and '_'");
            }

            if (r.PayMode is null) Add(ref p, "PayMode is required and not set");
            else if (r.PayMode is not (0 or 1)) Add(ref p, "PayMode must be a value of PayMode");
            if (r.Placement is null) Add(ref p, "Placement is required and not set");
            else if (r.Placement.Zone is null) Add(ref p, "Placement.Zone is required and not set");
            if (r.TimeSpan is null) Add(ref p, "TimeSpan is required and not set");
            if (r.TimeUnit is null) Add(ref p, "TimeUnit is required and not set");
            else if (r.TimeUnit is not ("s" or "m")) Add(ref p, "TimeUnit must be a value of TimeUnit");
            if (r.LoginSettings is null) Add(ref p, "LoginSettings is required and not set");
            else
            {
                string? password = r.LoginSettings.Password;
                if (password is not null)
                {
                    if (password.Length is < 8 or > 16) Add(ref p, "LoginSettings.Password must be 8 to 16 characters long");
                    if (!Password().IsMatch(password)) Add(ref p, "LoginSettings.Password must hold an upper-case letter, ...");
                }

                if (password is null && r.LoginSettings.PublicKeyId is null) Add(ref p, Rules.PasswordOrKey);
            }

            if (r.COSSettings is { } cos)
            {
                if (cos.CosSecretId is null) Add(ref p, "COSSettings.CosSecretId is required and not set");
                if (cos.CosSecretKey is null) Add(ref p, "COSSettings.CosSecretKey is required and not set");
            }

            if (r.SgId is not null && !SgId().IsMatch(r.SgId)) Add(ref p, "SgId must be 'sg-' followed by 8 lower-case letters or digits");
            if (r.PreExecutedFileSettings is { } files)
            {
                foreach (PreExecuteFileSettings file in files)
                {
                    if (file.WhenRun is not (null or "resourceAfter" or "clusterAfter")) Add(ref p, "PreExecutedFileSettings.WhenRun must be a value of WhenRun");
                }
            }

            if (r.AutoRenew is not (null or 0 or 1)) Add(ref p, "AutoRenew must be a value of AutoRenew");
            if (r.NeedMasterWan is not (null or "NEED_MASTER_WAN" or "NOT_NEED_MASTER_WAN")) Add(ref p, "NeedMasterWan must be a value of NeedMasterWan");
            if (r.DisasterRecoverGroupIds is { Count: > 1 }) Add(ref p, "DisasterRecoverGroupIds must hold at most 1 item");
            if (r.CbsEncrypt is not (null or 0 or 1)) Add(ref p, "CbsEncrypt must be a value of CbsEncrypt");
            if (r.MetaType is not (null or "EMR_DEFAULT_META" or "EMR_EXIST_META" or "USER_CUSTOM_META")) Add(ref p, "MetaType must be a value of MetaType");
            if (r.MetaDBInfo?.MetaDataJdbcUrl is { } url && !JdbcUrl().IsMatch(url)) Add(ref p, "MetaDBInfo.MetaDataJdbcUrl must start with 'jdbc:mysql://'");

            if (r.PayMode == 0 && r.TimeUnit != "s") Add(ref p, Rules.PayAsYouGoNeedsSeconds);
            if (r.PayMode == 1 && r.TimeUnit != "m") Add(ref p, Rules.MonthlyNeedsMonths);
            if (r.TimeUnit == "s" && r.TimeSpan != 3600) Add(ref p, Rules.SecondsNeedTimeSpan3600);
            if (r.TimeUnit == "m" && !(r.TimeSpan >= 1)) Add(ref p, Rules.MonthsNeedTimeSpanOfOneOrMore);
            if (r.MetaType == "EMR_EXIST_META" && r.UnifyMetaInstanceId is null) Add(ref p, Rules.ExistingMetaNeedsInstance);
            if (r.MetaType == "USER_CUSTOM_META" && r.MetaDBInfo is null) Add(ref p, Rules.CustomMetaNeedsDatabase);
            if (r.MetaType == "USER_CUSTOM_META" && r.MetaDBInfo is not null && r.MetaDBInfo.MetaDataJdbcUrl is null) Add(ref p, Rules.CustomMetaNeedsJdbcUrl);
            if (r.SgId is not null && r.RemoteLoginAtCreate is not null) Add(ref p, Rules.RemoteLoginIgnoredWithSecurityGroup);
            if (r.AutoRenew == 1 && r.PayMode != 1) Add(ref p, Rules.AutoRenewOnlyForMonthly);
            return p;
        }

        private static void Resource(Resource? resource, string path, ref List<string>? p)
        {
            if (resource is null)
            {
                return;
            }

            if (resource.Spec is null) Add(ref p, path + ".Spec is required and not set");
            if (resource.StorageType is null) Add(ref p, path + ".StorageType is required and not set");
            if (resource.DiskType is null) Add(ref p, path + ".DiskType is required and not set");
            if (resource.MemSize is null) Add(ref p, path + ".MemSize is required and not set");
            if (resource.Cpu is null) Add(ref p, path + ".Cpu is required and not set");
            if (resource.DiskSize is null) Add(ref p, path + ".DiskSize is required and not set");
        }

        private static void Add(ref List<string>? problems, string problem) => (problems ??= new List<string>()).Add(problem);
    }
}
