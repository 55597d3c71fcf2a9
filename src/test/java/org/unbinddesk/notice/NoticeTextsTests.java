package org.unbinddesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unbinddesk.cases.CaseRequest;
import org.unbinddesk.cases.DepositReturn;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.notice.NoticeService.NoticeDetails;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;

/**
 * What a merchant reads: Chinese notices signed 【…】 with the hotline and the warning, 受理编号, dates as 2026年12月2日,
 * amounts as ￥135.00, document names not codes, and no English: a reason typed in English points to the hotline.
 */
class NoticeTextsTests extends ProcessTestSupport {

	@Autowired
	NoticeService texts;

	private static UnbindingCase caseOf(Merchant m, String reason) {
		return new UnbindingCase("UB-20261202-000042", null, new CaseRequest("APP", m.merchantNo(), m.terminalId(),
				m.sn(), reason, m.legalName(), m.idNumber(), m.phone(), "LEGAL_PERSON", null), LocalDateTime.now());
	}

	@Test
	void aReasonTypedInEnglishIsNotPastedIntoAChineseNotice() {
		Merchant m = registry.merchant();

		Notice notice = texts.send(caseOf(m, "DEVICE_FAULT"), NoticeType.REJECTION,
				NoticeDetails.text("ID card copy is blurry, call 13912345678"));

		assertThat(notice.getTextZh()).startsWith("【示例收单】尊敬的" + m.name())
			.contains("受理编号UB-20261202-000042", "未获通过：具体原因请致电官方客服热线咨询。如有疑问请拨打官方客服热线400-000-0000。",
					"工作人员不会向您索要验证码或密码")
			.doesNotContain("blurry", "ID card");
		assertThat(notice.getTextEn()).startsWith("[Example Acquiring] Dear ")
			.contains("ID card copy is blurry, call *******5678")
			.doesNotContain("13912345678");
	}

	@Test
	void aChineseReasonIsKeptWithNumbersMasked() {
		Merchant m = registry.merchant();

		Notice notice = texts.send(caseOf(m, "DEVICE_FAULT"), NoticeType.REJECTION,
				NoticeDetails.text("结算卡6222029999999990011与法人不符。"));

		assertThat(notice.getTextZh()).contains("未获通过：结算卡**************0011与法人不符。如有疑问")
			.doesNotContain("6222029999999990011");
	}

	@Test
	void documentsAreNamedInChineseWithADateMerchantsRead() {
		Merchant m = registry.merchant();

		Notice notice = texts.send(caseOf(m, "LOST_DEVICE"), NoticeType.DOCUMENTS_REQUEST, new NoticeDetails(null,
				null, "POLICE_REPORT,SOMETHING_NEW", null, null, LocalDateTime.of(2026, 12, 2, 18, 0)));

		assertThat(notice.getTextZh()).contains("还需补充以下材料：报案回执、其他材料。请于2026年12月2日前通过商户客户端上传")
			.doesNotContain("POLICE_REPORT", "SOMETHING_NEW", "2026-12-02");
		assertThat(notice.getTextEn()).contains("police report, other documents", "by 2 December 2026");
	}

	@Test
	void theFeeIsNamedAndWrittenInYuan() {
		Merchant m = registry.merchant();

		UnbindingCase leased = caseOf(m, "SWITCHING_PROVIDER");
		leased.recordDepositReturn(DepositReturn.DEVICE_RETURN);
		Notice notice = texts.send(leased, NoticeType.FEE_NOTICE, new NoticeDetails(null,
				null, null, new BigDecimal("135"), new BigDecimal("199"), LocalDateTime.of(2026, 12, 9, 9, 0)));

		assertThat(notice.getTextZh()).contains("需支付提前解约费￥135.00", "设备验收后退还押金￥199.00", "请于2026年12月9日前")
			.doesNotContain("元");
		assertThat(notice.getTextEn()).contains("costs CNY 135.00", "(early-termination fee) by 9 December 2026");
	}

	@Test
	void systemReasonsCarryNoEnglishArguments() {
		Merchant m = registry.merchant();

		Notice malformed = texts.send(caseOf(m, "DEVICE_FAULT"), NoticeType.REQUEST_INVALID,
				NoticeDetails.reason("MALFORMED_REQUEST", "documents, applicantRole"));
		Notice limited = texts.send(caseOf(m, "DEVICE_FAULT"), NoticeType.REQUEST_INVALID,
				NoticeDetails.reason("DAILY_LIMIT_REACHED", "terminal " + m.terminalId(), "3"));

		assertThat(malformed.getTextZh()).contains("无法受理：申请信息不完整或格式有误。").doesNotContain("documents");
		assertThat(limited.getTextZh()).contains("该终端或商户今日解绑申请次数已达上限").doesNotContain("terminal");
		assertThat(malformed.getChannel()).isEqualTo(NoticeChannel.SMS);
		assertThat(malformed.getStatus()).isEqualTo(Notice.PENDING);
	}

}
