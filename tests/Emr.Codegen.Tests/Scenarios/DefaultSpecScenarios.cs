// Compiled by the tests with the code generated from the default spec, then run.
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Emr.Codegen.Runtime;
using Emr.V20190103;

public static class Scenarios
{
    public static CreateInstanceRequest ValidRequest() => new CreateInstanceRequest
    {
        ProductId = 16,
        VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" },
        Software = ["hive", "flink"],
        ResourceSpec = new NewResourceSpec
        {
            MasterCount = 1,
            CoreCount = 2,
            MasterResourceSpec = new Resource { Spec = "CVM.S2", StorageType = 5, DiskType = "CLOUD_PREMIUM", MemSize = 8192, Cpu = 4, DiskSize = 100 },
        },
        SupportHA = 0,
        InstanceName = "emr_test",
        PayMode = 0,
        Placement = new Placement { Zone = "ap-guangzhou-3", ProjectId = 0 },
        TimeSpan = 3600,
        TimeUnit = "s",
        LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
        Tags = [new Tag { TagKey = "team", TagValue = "data & ai" }],
    };

    public static string ValidJson() => ValidRequest().ToJson();

    public static string ReflectionSerializerJson() => JsonSerializer.Serialize(ValidRequest());

    /// <summary>Only the generated resolver: no reflection fallback exists in these options.</summary>
    public static string ResolverOnlyJson()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = ApiJsonResolver.Default };
        return JsonSerializer.Serialize(ValidRequest(), options);
    }

    public static string ResolverOnlyRoundTrip()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = ApiJsonResolver.Default };
        var back = JsonSerializer.Deserialize<CreateInstanceRequest>(ValidJson(), options)!;
        return back.ToJson();
    }

    public static string UnknownValuesRoundTrip()
    {
        var request = ValidRequest();
        request.ProductId = 99;
        request.TimeUnit = "h";
        request.MetaType = "SOME_NEW_META";
        var back = CreateInstanceRequest.FromJson(request.ToJson());
        return back.ProductId.Value + "|" + back.ProductId.IsDefined + "|" + back.TimeUnit.Value + "|" + back.MetaType!.Value.Value + "|" + back.ToJson();
    }

    public static string NamedValues() =>
        string.Join("|", ProductId.EmrV2_3_0.Value, ProductId.EmrV2_3_0.Description, PayMode.MonthlySubscription.Value, TimeUnit.Months.Value, ((ProductId)3).IsDefined, ProductId.KnownValues.Count);

    public static string FormParameters() =>
        string.Join("\n", ValidRequest().ToFormParameters().Select(p => p.Key + "=" + p.Value));

    public static string FormString() => ValidRequest().ToFormString();

    public static string FormRoundTrip() => CreateInstanceRequest.ParseForm(ValidRequest().ToFormString()).ToJson();

    public static string ParseForm(string text) => CreateInstanceRequest.ParseForm(text).ToJson();

    public static string ParseRequestJson(string json) => CreateInstanceRequest.FromJson(json).ToJson();

    public static string ParseResponse(string json)
    {
        var response = CreateInstanceResponse.ParseEnvelope(json);
        return response.InstanceId + "|" + response.RequestId + "|" + (response.Error is null ? "no error" : response.Error.Code.Code + "|" + response.Error.Code.Kind + "|" + response.Error.Code.Category + "|" + response.Error.Code.IsKnown + "|" + response.Error.Message);
    }

    public static string ErrorCodes()
    {
        var known = new ApiErrorCode("InvalidParameter.InvalidTimeUnit");
        var dotted = new ApiErrorCode("ResourcesSoldOut.");
        var unknown = new ApiErrorCode("InvalidParameter.SomethingNew");
        return string.Join("|",
            known.Kind, known.Category, known.Description, ApiErrorCode.FromKind(ApiErrorCodeKind.InvalidParameter_InvaildCoreCount).Code,
            dotted.Kind, dotted.IsKnown, unknown.Kind, unknown.Code, unknown.Category, ApiErrorCode.All.Count,
            ApiMetadata.CreateInstance.ErrorCodes.Count, ApiMetadata.CreateInstance.Name, ApiMetadata.CreateInstance.Version, ApiMetadata.CreateInstance.RateLimitPerSecond,
            ApiMetadata.GetEndpoint("ap-guangzhou"), ApiMetadata.GetEndpoint("ap-shanghai-fsi"), ApiMetadata.GetEndpoint("ap-shenzhen-fsi"));
    }

    public static string Problems(CreateInstanceRequest request) =>
        string.Join("\n", request.Validate().Select(p => p.Severity + " " + p.Path + " " + p.ErrorCode + " " + p.RuleId));

    public static string ValidProblems() => Problems(ValidRequest());

    public static string InvalidProblems()
    {
        var request = ValidRequest();
        request.ProductId = 3;
        request.SupportHA = 2;
        request.InstanceName = "emr test";
        request.TimeUnit = "m";
        request.SgId = "sg-ABC";
        request.RemoteLoginAtCreate = 22;
        request.DisasterRecoverGroupIds = ["a", "b"];
        request.ResourceSpec.CoreCount = 21;
        request.LoginSettings = new LoginSettings();
        request.MetaType = "USER_CUSTOM_META";
        request.MetaDBInfo = new CustomMetaInfo { MetaDataUser = "u" };
        request.AutoRenew = 1;
        return Problems(request);
    }

    public static string MissingRequired() => Problems(CreateInstanceRequest.ParseForm("InstanceName=emr_test"));

    public static string EnsureValidMessage()
    {
        var request = ValidRequest();
        request.TimeSpan = 7200;
        try
        {
            request.EnsureValid();
            return "no exception";
        }
        catch (ApiValidationException exception)
        {
            return exception.Message;
        }
    }

    public static string SensitiveToString()
    {
        var request = ValidRequest();
        return request.LoginSettings.ToString() + "|" + request.ToString();
    }
}

public static class ExampleScenarios
{
    public static string InstanceNameFromForm(string text)
    {
        var request = CreateInstanceRequest.ParseForm(text);
        return request.InstanceName + "|" + string.Join(",", request.Validate().Where(p => p.Path == "InstanceName").Select(p => p.ErrorCode));
    }

    public static string Response(string json)
    {
        var response = CreateInstanceResponse.ParseEnvelope(json);
        return response.RequestId + "|" + response.InstanceId;
    }

    public static string Request(string json)
    {
        var request = CreateInstanceRequest.FromJson(json);
        return request.ProductId.Value + "|" + request.SupportHA.Value + "|" + request.TimeSpan + "|" + request.ResourceSpec.MasterResourceSpec!.MemSize + "|" +
            request.Placement.ProjectId + "|" + request.LoginSettings.Password + "|" + string.Join(",", request.Software) + "|" +
            string.Join(",", request.Validate().Select(p => p.Path + ":" + p.ErrorCode));
    }
}

public static class AgreementScenarios
{
    public static string BrokenRules(long payMode, string unit, long span, string? meta, bool withInstance)
    {
        var request = Scenarios.ValidRequest();
        request.PayMode = payMode;
        request.TimeUnit = unit;
        request.TimeSpan = (ulong)span;
        request.MetaType = meta is null ? (MetaType?)null : new MetaType(meta);
        request.UnifyMetaInstanceId = withInstance ? "cdb-1" : null;
        return string.Join(",", request.Validate().Where(p => p.RuleId != null).Select(p => p.RuleId).OrderBy(id => id, System.StringComparer.Ordinal));
    }
}
