# METADATA
# title: IAM policy allows write actions on every resource
# description: |
#   An Allow statement grants actions that change resources (Write, Tagging or Permissions
#   management actions that support resource-level permissions) on "Resource": "*" (or with
#   NotResource, which is every resource but those listed), on an ARN whose resource part is
#   "*" alone ("arn:aws:logs:*:*:*": every resource of the service), or on an ARN over every
#   resource of the types an action acts on ("arn:aws:logs:*:*:log-group:*" for
#   logs:CreateLogGroup and logs:PutLogEvents, "arn:aws:s3:::*/*" for s3:PutObject). The identity
#   can then modify or delete every bucket, table, queue, key or secret of those services in the
#   account, not only the ones it works with. Actions that only support "*" (for example
#   s3:ListAllMyBuckets) do not trigger this rule, nor do actions the same document denies on
#   every resource without a condition, nor a statement whose date condition has already passed.
#   kms:Decrypt and kms:ReEncryptFrom are PAL-AWS-IAM-024's (decryption reads stored data).
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - ref: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
# custom:
#   id: PAL-AWS-IAM-050
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, "module:terraform-aws-modules/iam/aws//modules/iam-policy"]
#   frameworks:
#     nist-800-53: [AC-6]
#   references:
#     checkov: [CKV_AWS_355, CKV_AWS_290, CKV_AWS_109, CKV_AWS_111, CKV_AWS_289, CKV_AWS_356, CKV_AWS_110, CKV_AWS_286]
#   cwe: ["CWE-269"]
#   remediation: Scope Resource to the ARNs of the resources the identity writes to (Palisade offers the ARNs of matching resources in the module).
#   fixable: false
#   allow_unknown: true
package palisade.aws.iam.policy_wildcard_resource

# allow_unknown: an ARN template whose region or account is an interpolation
# (`arn:aws:sqs:${var.region}:${var.account}:*`) is unknown, and it is the finding's place; the
# rule reports it only when the known resource part already proves every resource of the service.

import data.palisade.lib.iam
import data.palisade.lib.result

deny contains result.fail(st.resource, array.concat(st.path, resource_path), msg) if {
	some st in iam.identity_statements
	s := st.statement
	iam.is_allow(s)
	not iam.expired(s)
	some resource_path in iam.star_resource_paths(s)
	writes := _writes(st)
	count(writes) > 0
	msg := sprintf("%s allows %s on every resource (\"*\")", [st.resource.address, _summary(writes)])
}

# Session 23 (held-out corpora 21–22): an ARN whose resource part is "*" alone
# (`arn:aws:logs:*:*:*`) is every resource of its service, what "*" grants for the service's
# actions. A statement that also lists "*" is reported there, once.
deny contains result.fail(st.resource, array.concat(st.path, e.path), msg) if {
	some st in iam.identity_statements
	s := st.statement
	iam.is_allow(s)
	not "*" in iam.resources(s)
	some e in iam.wildcard_arns(s)
	e.resource == "*"
	not iam.expired(s)
	writes := [a | some a in _writes(st); iam.covers_every_of_service(e, _service(a))]
	count(writes) > 0
	msg := sprintf("%s allows %s on %s, every resource of the service", [st.resource.address, _summary(writes), e.arn])
}

# Session 24: an ARN over every resource of the types an action acts on (`log-group:*`, an S3 `*/*`)
# grants it what "*" does; not judged under a condition (Karpenter's tags), nor Create (new resources only).
deny contains result.fail(st.resource, array.concat(st.path, e.path), msg) if {
	some st in iam.identity_statements
	s := st.statement
	iam.is_allow(s)
	not "*" in iam.resources(s)
	not iam.has_condition(s)
	some e in iam.wildcard_arns(s)
	e.resource != "*"
	writes := [a | some a in _writes(st); not startswith(lower(split(a, ":")[1]), "create"); iam.covers_types_of_write(e, a)]
	count(writes) > 0
	msg := sprintf("%s allows %s on %s, every resource those actions act on", [st.resource.address, _summary(writes), e.arn])
}

# Round 31: NotResource in an Allow is every resource but those listed (IAM User Guide, NotResource).
deny contains result.fail(st.resource, array.concat(st.path, ["NotResource"]), msg) if {
	some st in iam.identity_statements
	iam.allows_all_but_listed_resources(st.statement)
	not iam.expired(st.statement)
	writes := _writes(st)
	count(writes) > 0
	msg := sprintf("%s allows %s on every resource except those listed in NotResource", [st.resource.address, _summary(writes)])
}

_writes(st) := sort({a |
	some a in iam.actions(st.statement)
	is_string(a)
	_resource_level_write(a)
	not _iam_024_decrypt(a)
	not iam.cancelled(st, a)
	not iam.scoped_by_deny(st, a)
})

# Review of round 33: kms:Decrypt and kms:ReEncryptFrom (Write in the authorization data) on "*"
# are PAL-AWS-IAM-024's, which reads their kms:ViaService / encryption-context scoping; an action
# or pattern that matches no other KMS write is left to it. Only KMS actions reach the glob.
_iam_024_decrypt(action) if {
	[service, pattern] := split(lower(action), ":")
	service == "kms"
	matched := {name | some name in _write_actions.kms; glob.match(pattern, [], name)}
	count(matched) > 0
	every name in matched { name in {"decrypt", "reencryptfrom"} }
}

_resource_level_write(action) if {
	[service, name] := split(lower(action), ":")
	not _wildcarded(name)
	name in _write_actions[service]
}

# A pattern (s3:Put*, s3:*) counts when it matches one such action. The common `prefix*` form
# is a prefix test (cheaper than a glob per action).
_resource_level_write(action) if {
	[service, pattern] := split(lower(action), ":")
	endswith(pattern, "*")
	prefix := trim_suffix(pattern, "*")
	not _wildcarded(prefix)
	strings.any_prefix_match(_write_actions[service], prefix)
}

_resource_level_write(action) if {
	[service, pattern] := split(lower(action), ":")
	_wildcarded(trim_suffix(pattern, "*"))
	some name in _write_actions[service]
	glob.match(pattern, [], name)
}

# _wildcarded(s): s holds an IAM wildcard. String tests, not a regex: this runs for every action
# of every statement, and a regular expression costs far more.
_wildcarded(s) if contains(s, "*")

_wildcarded(s) if contains(s, "?")

_service(action) := split(lower(action), ":")[0]

_summary(actions) := concat(", ", actions) if count(actions) <= 3

else := sprintf("%s and %d more write actions", [concat(", ", array.slice(actions, 0, 3)), count(actions) - 3])

# Write, Tagging and Permissions-management actions with resource-level permissions, per service
# (lower-case), from the AWS service authorization data.
# BEGIN GENERATED: scripts/gen-iam-write-actions.ts
_write_actions := {
	"athena": {
		"cancelcapacityreservation", "cancelqueryexecution", "createcapacityreservation",
		"createdatacatalog", "createnamedquery", "createnotebook", "createpreparedstatement",
		"createpresignednotebookurl", "createworkgroup", "deletecapacityreservation", "deletedatacatalog",
		"deletenamedquery", "deletenotebook", "deletepreparedstatement", "deleteworkgroup",
		"exportnotebook", "getsessionendpoint", "importnotebook", "putcapacityassignmentconfiguration",
		"startcalculationexecution", "startqueryexecution", "startsession", "stopcalculationexecution",
		"stopqueryexecution", "tagresource", "terminatesession", "untagresource",
		"updatecapacityreservation", "updatedatacatalog", "updatenamedquery", "updatenotebook",
		"updatenotebookmetadata", "updatepreparedstatement", "updateworkgroup",
	},
	"cloudformation": {
		"cancelupdatestack", "continueupdaterollback", "createchangeset", "createstack",
		"createstackinstances", "createstackrefactor", "deletechangeset", "deletestack",
		"deletestackinstances", "deletestackset", "executechangeset", "executestackrefactor",
		"importstackstostackset", "recordhandlerprogress", "rollbackstack", "setstackpolicy",
		"signalresource", "stopstacksetoperation", "tagresource", "untagresource", "updatestack",
		"updatestackinstances", "updatestackset", "updateterminationprotection",
	},
	"codebuild": {
		"batchdeletebuilds", "batchputcodecoverages", "batchputtestcases", "createfleet", "createproject",
		"createreport", "createreportgroup", "createwebhook", "deletebuildbatch", "deletefleet",
		"deleteproject", "deletereport", "deletereportgroup", "deleteresourcepolicy", "deletewebhook",
		"invalidateprojectcache", "putresourcepolicy", "retrybuild", "retrybuildbatch", "startbuild",
		"startbuildbatch", "startcommandexecution", "startsandbox", "startsandboxconnection", "stopbuild",
		"stopbuildbatch", "stopsandbox", "updatefleet", "updateproject", "updateprojectvisibility",
		"updatereport", "updatereportgroup", "updatewebhook",
	},
	"codepipeline": {
		"createcustomactiontype", "createpipeline", "deletecustomactiontype", "deletepipeline",
		"deletewebhook", "deregisterwebhookwiththirdparty", "disablestagetransition",
		"enablestagetransition", "overridestagecondition", "pollforjobs", "putactionrevision",
		"putapprovalresult", "putwebhook", "registerwebhookwiththirdparty", "retrystageexecution",
		"rollbackstage", "startpipelineexecution", "stoppipelineexecution", "tagresource",
		"untagresource", "updateactiontype", "updatepipeline",
	},
	"dms": {
		"addtagstoresource", "applypendingmaintenanceaction", "associateextensionpack",
		"cancelmetadatamodelconversion", "cancelmetadatamodelcreation",
		"cancelreplicationtaskassessmentrun", "createdatamigration", "createendpoint",
		"createeventsubscription", "createmigrationproject", "createreplicationconfig",
		"createreplicationinstance", "createreplicationsubnetgroup", "createreplicationtask",
		"deletecertificate", "deleteconnection", "deletedatamigration", "deletedataprovider",
		"deleteendpoint", "deleteeventsubscription", "deleteinstanceprofile", "deletemigrationproject",
		"deletereplicationconfig", "deletereplicationinstance", "deletereplicationsubnetgroup",
		"deletereplicationtask", "deletereplicationtaskassessmentrun", "exportmetadatamodelassessment",
		"importcertificate", "modifydatamigration", "modifyendpoint", "modifyeventsubscription",
		"modifyreplicationconfig", "modifyreplicationinstance", "modifyreplicationsubnetgroup",
		"modifyreplicationtask", "movereplicationtask", "rebootreplicationinstance", "refreshschemas",
		"reloadreplicationtables", "reloadtables", "removetagsfromresource", "startdatamigration",
		"startmetadatamodelassessment", "startmetadatamodelconversion", "startmetadatamodelcreation",
		"startmetadatamodelexportasscripts", "startmetadatamodelexporttotarget",
		"startmetadatamodelimport", "startreplication", "startreplicationtask",
		"startreplicationtaskassessment", "startreplicationtaskassessmentrun", "stopdatamigration",
		"stopreplication", "stopreplicationtask", "updateconversionconfiguration", "updatedataprovider",
		"updateinstanceprofile", "updatemigrationproject",
	},
	"dynamodb": {
		"associatetablereplica", "batchwriteitem", "createbackup", "createglobaltable",
		"createglobaltablewitness", "createtable", "createtablereplica", "deletebackup",
		"deleteglobaltablewitness", "deleteitem", "deleteresourcepolicy", "deletetable",
		"deletetablereplica", "disablekinesisstreamingdestination", "enablekinesisstreamingdestination",
		"exporttabletopointintime", "importtable", "partiqldelete", "partiqlinsert", "partiqlupdate",
		"putitem", "putresourcepolicy", "replicatesettings", "restoretablefromawsbackup",
		"restoretablefrombackup", "restoretabletopointintime", "startawsbackupjob", "tagresource",
		"untagresource", "updatecontinuousbackups", "updatecontributorinsights", "updateglobaltable",
		"updateglobaltablesettings", "updateglobaltableversion", "updateitem",
		"updatekinesisstreamingdestination", "updatetable", "updatetablereplicaautoscaling",
		"updatetimetolive", "writedataforreplication",
	},
	"ecr": {
		"batchdeleteimage", "batchimportupstreamimage", "completelayerupload", "createrepository",
		"deletelifecyclepolicy", "deleterepository", "deleterepositorypolicy", "initiatelayerupload",
		"putimage", "putimagescanningconfiguration", "putimagetagmutability", "putlifecyclepolicy",
		"replicateimage", "setrepositorypolicy", "startimagescan", "startlifecyclepolicypreview",
		"tagresource", "untagresource", "updateimagestorageclass", "uploadlayerpart",
	},
	"ecs": {
		"allowvendedlogdeliveryforresource", "continueservicedeployment", "createcapacityprovider",
		"createcluster", "createdaemon", "createexpressgatewayservice", "createservice", "createtaskset",
		"deleteattributes", "deletecapacityprovider", "deletecluster", "deletedaemon",
		"deletedaemontaskdefinition", "deleteexpressgatewayservice", "deleteservice",
		"deletetaskdefinitions", "deletetaskset", "deregistercontainerinstance", "executecommand", "poll",
		"putattributes", "putclustercapacityproviders", "putsystemlogevents", "registercontainerinstance",
		"registerdaemontaskdefinition", "registertaskdefinition", "runtask", "starttask",
		"starttelemetrysession", "stopservicedeployment", "stoptask", "submitattachmentstatechanges",
		"submitcontainerstatechange", "submittaskstatechange", "tagresource", "untagresource",
		"updatecapacityprovider", "updatecluster", "updateclustersettings", "updatecontaineragent",
		"updatecontainerinstancesstate", "updatedaemon", "updateexpressgatewayservice", "updateservice",
		"updateserviceprimarytaskset", "updatetaskprotection", "updatetaskset",
	},
	"eks": {
		"activatecertificateauthority", "associateaccesspolicy", "associateencryptionconfig",
		"associateidentityproviderconfig", "cancelupdate", "createaccessentry", "createaddon",
		"createcapability", "createcertificateauthority", "createfargateprofile", "createnodegroup",
		"createpodidentityassociation", "deleteaccessentry", "deleteaddon", "deletecapability",
		"deletecertificateauthority", "deletecluster", "deleteeksanywheresubscription",
		"deletefargateprofile", "deletenodegroup", "deletepodidentityassociation", "deregistercluster",
		"disassociateaccesspolicy", "disassociateidentityproviderconfig", "mutateviakubernetesapi",
		"startinsightsrefresh", "tagresource", "untagresource", "updateaccessentry", "updateaddon",
		"updatecapability", "updateclusterconfig", "updateclusterversion",
		"updateeksanywheresubscription", "updatenodegroupconfig", "updatenodegroupversion",
		"updatepodidentityassociation",
	},
	"elasticache": {
		"addtagstoresource", "authorizecachesecuritygroupingress", "batchapplyupdateaction",
		"batchstopupdateaction", "completemigration", "connect", "copyserverlesscachesnapshot",
		"copysnapshot", "createcachecluster", "createcacheparametergroup", "createcachesecuritygroup",
		"createcachesubnetgroup", "createglobalreplicationgroup", "createreplicationgroup",
		"createserverlesscache", "createserverlesscachesnapshot", "createsnapshot", "createuser",
		"createusergroup", "decreasenodegroupsinglobalreplicationgroup", "decreasereplicacount",
		"deletecachecluster", "deletecacheparametergroup", "deletecachesecuritygroup",
		"deletecachesubnetgroup", "deleteglobalreplicationgroup", "deletereplicationgroup",
		"deleteserverlesscache", "deleteserverlesscachesnapshot", "deletesnapshot", "deleteuser",
		"deleteusergroup", "disassociateglobalreplicationgroup", "exportserverlesscachesnapshot",
		"failoverglobalreplicationgroup", "increasenodegroupsinglobalreplicationgroup",
		"increasereplicacount", "interruptclusterazpower", "modifycachecluster",
		"modifycacheparametergroup", "modifycachesubnetgroup", "modifyglobalreplicationgroup",
		"modifyreplicationgroup", "modifyreplicationgroupshardconfiguration", "modifyserverlesscache",
		"modifyuser", "modifyusergroup", "purchasereservedcachenodesoffering",
		"rebalanceslotsinglobalreplicationgroup", "rebootcachecluster", "removetagsfromresource",
		"resetcacheparametergroup", "revokecachesecuritygroupingress", "startmigration", "testfailover",
		"testmigration",
	},
	"elasticfilesystem": {
		"backup", "clientrootaccess", "clientwrite", "createaccesspoint", "createmounttarget",
		"createreplicationconfiguration", "createtags", "deleteaccesspoint", "deletefilesystem",
		"deletefilesystempolicy", "deletemounttarget", "deletereplicationconfiguration", "deletetags",
		"modifymounttargetsecuritygroups", "putbackuppolicy", "putfilesystempolicy",
		"putlifecycleconfiguration", "replicationwrite", "restore", "tagresource", "untagresource",
		"updatefilesystem", "updatefilesystemprotection",
	},
	"events": {
		"activateeventsource", "allowvendedlogdeliveryforresource", "cancelreplay",
		"createapidestination", "createarchive", "createconnection", "createendpoint", "createeventbus",
		"createeventsource", "createpartnereventsource", "createsubscriber", "deactivateeventsource",
		"deauthorizeconnection", "deleteapidestination", "deletearchive", "deleteconnection",
		"deleteendpoint", "deleteeventbus", "deleteeventsource", "deletepartnereventsource",
		"deleteresourcepolicy", "deleterule", "deletesubscriber", "disablerule", "enablerule",
		"invokeapidestination", "putevents", "putrawevents", "putresourcepolicy", "putrule", "puttargets",
		"removetargets", "retrieveconnectioncredentials", "revokeresource", "startreplay", "tagresource",
		"untagresource", "updateapidestination", "updatearchive", "updateconnection", "updateendpoint",
		"updateeventbus", "updateeventsource", "updatesubscriber",
	},
	"firehose": {
		"createdeliverystream", "deletedeliverystream", "putrecord", "putrecordbatch",
		"startdeliverystreamencryption", "stopdeliverystreamencryption", "tagdeliverystream",
		"untagdeliverystream", "updatedestination",
	},
	"iam": {
		"acceptdelegationrequest", "addclientidtoopenidconnectprovider", "addroletoinstanceprofile",
		"addusertogroup", "associatedelegationrequest", "attachgrouppolicy", "attachrolepolicy",
		"attachuserpolicy", "changepassword", "createaccesskey", "createdelegationrequest", "creategroup",
		"createinstanceprofile", "createloginprofile", "createopenidconnectprovider", "createpolicy",
		"createpolicyversion", "createrole", "createsamlprovider", "createservicelinkedrole",
		"createservicespecificcredential", "createuser", "createvirtualmfadevice", "deactivatemfadevice",
		"deleteaccesskey", "deletegroup", "deletegrouppolicy", "deleteinstanceprofile",
		"deleteloginprofile", "deleteopenidconnectprovider", "deletepolicy", "deletepolicyversion",
		"deleterole", "deleterolepermissionsboundary", "deleterolepolicy", "deletesamlprovider",
		"deleteservercertificate", "deleteservicelinkedrole", "deleteservicespecificcredential",
		"deletesigningcertificate", "deletesshpublickey", "deleteuser", "deleteuserpermissionsboundary",
		"deleteuserpolicy", "deletevirtualmfadevice", "detachgrouppolicy", "detachrolepolicy",
		"detachuserpolicy", "enablemfadevice", "passrole", "putgrouppolicy", "putrolepermissionsboundary",
		"putrolepolicy", "putuserpermissionsboundary", "putuserpolicy", "rejectdelegationrequest",
		"removeclientidfromopenidconnectprovider", "removerolefrominstanceprofile", "removeuserfromgroup",
		"resetservicespecificcredential", "resyncmfadevice", "senddelegationtoken",
		"setdefaultpolicyversion", "taginstanceprofile", "tagmfadevice", "tagopenidconnectprovider",
		"tagpolicy", "tagrole", "tagsamlprovider", "tagservercertificate", "taguser",
		"untaginstanceprofile", "untagmfadevice", "untagopenidconnectprovider", "untagpolicy",
		"untagrole", "untagsamlprovider", "untagservercertificate", "untaguser", "updateaccesskey",
		"updateassumerolepolicy", "updategroup", "updateloginprofile",
		"updateopenidconnectproviderthumbprint", "updaterole", "updateroledescription",
		"updatesamlprovider", "updateservercertificate", "updateservicespecificcredential",
		"updatesigningcertificate", "updatesshpublickey", "updateuser", "uploadservercertificate",
		"uploadsigningcertificate", "uploadsshpublickey",
	},
	"kinesis": {
		"addtagstostream", "associatestreamswithchannel", "createchannel", "createstream",
		"decreasestreamretentionperiod", "deletechannel", "deleteresourcepolicy", "deletestream",
		"deregisterstreamconsumer", "increasestreamretentionperiod", "mergeshards", "putrecord",
		"putrecords", "putresourcepolicy", "registerstreamconsumer", "removetagsfromstream", "splitshard",
		"startstreamencryption", "stopstreamencryption", "tagresource", "untagresource", "updatechannel",
		"updatemaxrecordsize", "updatestreamrecorddistributionstrategy", "updatestreamwarmthroughput",
	},
	"kms": {
		"cancelkeydeletion", "createalias", "creategrant", "decrypt", "deletealias",
		"deleteimportedkeymaterial", "derivesharedsecret", "disablekey", "disablekeyrotation",
		"enablekey", "enablekeyrotation", "encrypt", "generatedatakey", "generatedatakeypair",
		"generatedatakeypairwithoutplaintext", "generatedatakeywithoutplaintext", "generatemac",
		"importkeymaterial", "putkeypolicy", "reencryptfrom", "reencryptto", "replicatekey",
		"retiregrant", "revokegrant", "rotatekeyondemand", "schedulekeydeletion", "sign",
		"synchronizemultiregionkey", "tagresource", "untagresource", "updatealias",
		"updatekeydescription", "updateprimaryregion", "verify", "verifymac",
	},
	"lambda": {
		"addlayerversionpermission", "addpermission", "checkpointdurableexecution", "createalias",
		"createcapacityprovider", "createfunction", "createfunctionurlconfig", "createmicrovmauthtoken",
		"createmicrovmshellauthtoken", "createnetworkconnector", "deletealias", "deletecapacityprovider",
		"deletecodesigningconfig", "deleteeventsourcemapping", "deletefunction",
		"deletefunctioncodesigningconfig", "deletefunctionconcurrency", "deletefunctioneventinvokeconfig",
		"deletefunctionurlconfig", "deletelayerversion", "deletemicrovmimage",
		"deletemicrovmimageversion", "deletenetworkconnector", "deleteprovisionedconcurrencyconfig",
		"deleteresourcepolicy", "disablereplication", "enablereplication", "invokeasync",
		"invokefunction", "invokefunctionurl", "passcapacityprovider", "publishlayerversion",
		"publishversion", "putfunctioncodesigningconfig", "putfunctionconcurrency",
		"putfunctioneventinvokeconfig", "putfunctionrecursionconfig", "putfunctionscalingconfig",
		"putprovisionedconcurrencyconfig", "putresourcepolicy", "putruntimemanagementconfig",
		"removelayerversionpermission", "removepermission", "resumemicrovm", "runmicrovm",
		"senddurableexecutioncallbackfailure", "senddurableexecutioncallbackheartbeat",
		"senddurableexecutioncallbacksuccess", "stopdurableexecution", "suspendmicrovm", "tagresource",
		"terminatemicrovm", "untagresource", "updatealias", "updatecapacityprovider",
		"updatecodesigningconfig", "updateeventsourcemapping", "updatefunctioncode",
		"updatefunctioncodesigningconfig", "updatefunctionconfiguration",
		"updatefunctioneventinvokeconfig", "updatefunctionurlconfig", "updatemicrovmimage",
		"updatemicrovmimageversion", "updatenetworkconnector",
	},
	"logs": {
		"associatekmskey", "createdelivery", "createexporttask", "createloganomalydetector",
		"createloggroup", "createlogstream", "createlookuptable", "createscheduledquery",
		"deletedataprotectionpolicy", "deletedelivery", "deletedeliverydestination",
		"deletedeliverydestinationpolicy", "deletedeliverysource", "deletedestination",
		"deleteloganomalydetector", "deleteloggroup", "deletelogstream", "deletelookuptable",
		"deletemetricfilter", "deleteretentionpolicy", "deletescheduledquery", "deletesubscriptionfilter",
		"deletesyslogconfiguration", "deletetransformer", "disassociatekmskey", "integratewithdataset",
		"integratewiths3table", "processwithpipeline", "putbearertokenauthentication",
		"putdataprotectionpolicy", "putdeliverydestination", "putdeliverydestinationpolicy",
		"putdeliverysource", "putdestination", "putdestinationpolicy", "putlogevents",
		"putloggroupdeletionprotection", "putmetricfilter", "putretentionpolicy", "putsubscriptionfilter",
		"putsyslogconfiguration", "puttransformer", "tagloggroup", "tagresource", "untagloggroup",
		"untagresource", "updateanomaly", "updatedeliveryconfiguration", "updateloganomalydetector",
		"updatelookuptable", "updatescheduledquery",
	},
	"rds": {
		"addroletodbcluster", "addroletodbinstance", "addsourceidentifiertosubscription",
		"addtagstoresource", "applypendingmaintenanceaction", "authorizedbsecuritygroupingress",
		"backtrackdbcluster", "copycustomdbengineversion", "copydbclusterparametergroup",
		"copydbclustersnapshot", "copydbparametergroup", "copydbsnapshot", "copyoptiongroup",
		"createbluegreendeployment", "createcustomdbengineversion", "createdbcluster",
		"createdbclusterendpoint", "createdbclusterparametergroup", "createdbclustersnapshot",
		"createdbinstance", "createdbinstancereadreplica", "createdbparametergroup",
		"createdbproxyendpoint", "createdbsecuritygroup", "createdbshardgroup", "createdbsnapshot",
		"createdbsubnetgroup", "createeventsubscription", "createglobalcluster", "createintegration",
		"createoptiongroup", "createtenantdatabase", "crossregioncommunication",
		"deletebluegreendeployment", "deletecustomdbengineversion", "deletedbcluster",
		"deletedbclusterautomatedbackup", "deletedbclusterendpoint", "deletedbclusterparametergroup",
		"deletedbclustersnapshot", "deletedbinstance", "deletedbinstanceautomatedbackup",
		"deletedbparametergroup", "deletedbproxy", "deletedbproxyendpoint", "deletedbsecuritygroup",
		"deletedbshardgroup", "deletedbsnapshot", "deletedbsubnetgroup", "deleteeventsubscription",
		"deleteglobalcluster", "deleteintegration", "deleteoptiongroup", "deletetenantdatabase",
		"deregisterdbproxytargets", "disablehttpendpoint", "enablehttpendpoint", "failoverdbcluster",
		"failoverglobalcluster", "modifyactivitystream", "modifycurrentdbclustercapacity",
		"modifycustomdbengineversion", "modifydbcluster", "modifydbclusterendpoint",
		"modifydbclusterparametergroup", "modifydbclustersnapshotattribute", "modifydbinstance",
		"modifydbparametergroup", "modifydbproxy", "modifydbproxyendpoint", "modifydbproxytargetgroup",
		"modifydbshardgroup", "modifydbsnapshot", "modifydbsnapshotattribute", "modifydbsubnetgroup",
		"modifyeventsubscription", "modifyglobalcluster", "modifyintegration", "modifyoptiongroup",
		"modifytenantdatabase", "promotereadreplica", "promotereadreplicadbcluster",
		"purchasereserveddbinstancesoffering", "rebootdbcluster", "rebootdbinstance",
		"rebootdbshardgroup", "registerdbproxytargets", "removefromglobalcluster",
		"removerolefromdbcluster", "removerolefromdbinstance", "removesourceidentifierfromsubscription",
		"removetagsfromresource", "resetdbclusterparametergroup", "resetdbparametergroup",
		"restoredbclusterfroms3", "restoredbclusterfromsnapshot", "restoredbclustertopointintime",
		"restoredbinstancefromdbsnapshot", "restoredbinstancefroms3", "restoredbinstancetopointintime",
		"revokedbsecuritygroupingress", "startactivitystream", "startdbcluster", "startdbinstance",
		"startdbinstanceautomatedbackupsreplication", "startexporttask", "stopactivitystream",
		"stopdbcluster", "stopdbinstance", "stopdbinstanceautomatedbackupsreplication",
		"switchoverbluegreendeployment", "switchoverglobalcluster", "switchoverreadreplica",
	},
	"s3": {
		"abortmultipartupload", "associateaccessgrantsidentitycenter", "bypassgovernanceretention",
		"createaccessgrant", "createaccessgrantsinstance", "createaccessgrantslocation",
		"createaccesspoint", "createaccesspointforobjectlambda", "createbucket",
		"createbucketmetadatatableconfiguration", "createmultiregionaccesspoint", "deleteaccessgrant",
		"deleteaccessgrantsinstance", "deleteaccessgrantsinstanceresourcepolicy",
		"deleteaccessgrantslocation", "deleteaccesspoint", "deleteaccesspointforobjectlambda",
		"deleteaccesspointpolicy", "deleteaccesspointpolicyforobjectlambda", "deletebucket",
		"deletebucketmetadatatableconfiguration", "deletebucketpolicy", "deletebucketwebsite",
		"deletejobtagging", "deletemultiregionaccesspoint", "deleteobject", "deleteobjectannotation",
		"deleteobjecttagging", "deleteobjectversion", "deleteobjectversionannotation",
		"deleteobjectversiontagging", "deletestoragelensconfiguration",
		"deletestoragelensconfigurationtagging", "deletestoragelensgroup",
		"dissociateaccessgrantsidentitycenter", "initiatereplication", "objectowneroverridetobucketowner",
		"pausereplication", "putaccelerateconfiguration", "putaccessgrantsinstanceresourcepolicy",
		"putaccesspointconfigurationforobjectlambda", "putaccesspointpolicy",
		"putaccesspointpolicyforobjectlambda", "putanalyticsconfiguration", "putbucketabac",
		"putbucketacl", "putbucketcors", "putbucketlogging", "putbucketnotification",
		"putbucketobjectlockconfiguration", "putbucketownershipcontrols", "putbucketpolicy",
		"putbucketpublicaccessblock", "putbucketrequestpayment", "putbuckettagging",
		"putbucketversioning", "putbucketwebsite", "putencryptionconfiguration",
		"putintelligenttieringconfiguration", "putinventoryconfiguration", "putjobtagging",
		"putlifecycleconfiguration", "putmetricsconfiguration", "putmultiregionaccesspointpolicy",
		"putobject", "putobjectacl", "putobjectannotation", "putobjectlegalhold", "putobjectretention",
		"putobjecttagging", "putobjectversionacl", "putobjectversionannotation",
		"putobjectversiontagging", "putreplicationconfiguration", "putstoragelensconfigurationtagging",
		"replicatedelete", "replicateobject", "replicateobjectannotation", "replicatetags",
		"restoreobject", "submitmultiregionaccesspointroutes", "tagresource", "untagresource",
		"updateaccessgrantslocation", "updatebucketmetadataannotationtableconfiguration",
		"updatebucketmetadatainventorytableconfiguration",
		"updatebucketmetadatajournaltableconfiguration", "updatejobpriority", "updatejobstatus",
		"updateobjectencryption", "updatestoragelensgroup",
	},
	"secretsmanager": {
		"cancelrotatesecret", "createsecret", "deleteresourcepolicy", "deletesecret", "putresourcepolicy",
		"putsecretvalue", "removeregionsfromreplication", "replicatesecrettoregions", "restoresecret",
		"rotatesecret", "stopreplicationtoreplica", "tagresource", "untagresource", "updatesecret",
		"updatesecretversionstage", "validateresourcepolicy",
	},
	"sns": {
		"addpermission", "confirmsubscription", "createtopic", "deletetopic", "publish",
		"putdataprotectionpolicy", "removepermission", "setsubscriptionattributes", "settopicattributes",
		"subscribe", "tagresource", "unsubscribe", "untagresource",
	},
	"sqs": {
		"addpermission", "cancelmessagemovetask", "changemessagevisibility", "createqueue",
		"deletemessage", "deletequeue", "purgequeue", "removepermission", "sendmessage",
		"setqueueattributes", "startmessagemovetask", "tagqueue", "untagqueue",
	},
	"ssm": {
		"addtagstoresource", "associateopsitemrelateditem", "cancelmaintenancewindowexecution",
		"createassociation", "createassociationbatch", "createcloudconnector", "createdocument",
		"createresourcedatasync", "deleteassociation", "deletecloudconnector", "deletedocument",
		"deletemaintenancewindow", "deleteopsitem", "deleteopsmetadata", "deleteparameter",
		"deleteparameters", "deletepatchbaseline", "deleteresourcedatasync", "deleteresourcepolicy",
		"deregistermanagedinstance", "deregisterpatchbaselineforpatchgroup",
		"deregistertargetfrommaintenancewindow", "deregistertaskfrommaintenancewindow",
		"disassociateopsitemrelateditem", "labelparameterversion", "modifydocumentpermission",
		"putcalendar", "putcomplianceitems", "putparameter", "putresourcepolicy",
		"registerdefaultpatchbaseline", "registerpatchbaselineforpatchgroup",
		"registertargetwithmaintenancewindow", "registertaskwithmaintenancewindow",
		"removetagsfromresource", "requestmanagedinstanceroletoken", "resetservicesetting",
		"resumesession", "sendautomationsignal", "sendcommand", "startaccessrequest",
		"startassociationsonce", "startautomationexecution", "startchangerequestexecution",
		"startsession", "stopautomationexecution", "terminatesession", "unlabelparameterversion",
		"updateassociation", "updateassociationstatus", "updatecloudconnector", "updatedocument",
		"updatedocumentdefaultversion", "updatedocumentmetadata", "updateinstanceassociationstatus",
		"updateinstanceinformation", "updatemaintenancewindow", "updatemaintenancewindowtarget",
		"updatemaintenancewindowtask", "updatemanagedinstancepublickey", "updatemanagedinstancerole",
		"updateopsitem", "updateopsmetadata", "updatepatchbaseline", "updateresourcedatasync",
		"updateservicesetting",
	},
	"states": {
		"createactivity", "createstatemachine", "createstatemachinealias", "deleteactivity",
		"deletestatemachine", "deletestatemachinealias", "deletestatemachineversion", "getactivitytask",
		"publishstatemachineversion", "redriveexecution", "startexecution", "startsyncexecution",
		"stopexecution", "tagresource", "untagresource", "updatemaprun", "updatestatemachine",
		"updatestatemachinealias",
	},
}

# END GENERATED
