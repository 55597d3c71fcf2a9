package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.DOCUMENTS;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.unbinddesk.documents.CaseDocuments;
import org.unbinddesk.documents.DocumentService;
import org.unbinddesk.documents.Watermark;

/**
 * Demo profile only: gives every open case of a demo merchant a specimen file for each document its application
 * names, so a newcomer sees a full review desk. The files are drawn when needed (no binaries in the repository),
 * marked 样本 / SPECIMEN all over, and carry no real person's data: only the demo merchant's name and the document's
 * name. The desk looks for such cases every few seconds rather than hooking into case opening, which keeps this demo
 * aid out of the production path.
 */
@Component
@Profile("demo")
public class DemoSpecimens {

	private static final Logger log = LoggerFactory.getLogger(DemoSpecimens.class);

	static final String SUPPLIER = "demo-specimens";

	/** The demo merchants of db/demo: 898, the city's 4-digit code, 0000000 and 1 to 9 (README, "Demo data"). */
	private static final String DEMO_MERCHANTS = "898____0000000_";

	private final JdbcClient jdbc;

	private final RuntimeService runtime;

	private final CaseDocuments documents;

	DemoSpecimens(JdbcClient jdbc, RuntimeService runtime, CaseDocuments documents) {
		this.jdbc = jdbc;
		this.runtime = runtime;
		this.documents = documents;
	}

	@Scheduled(initialDelayString = "${unbinddesk.demo.specimen-interval:PT5S}",
			fixedDelayString = "${unbinddesk.demo.specimen-interval:PT5S}")
	public void attachToNewCases() {
		jdbc.sql("""
				select c.case_number from unbinding_case c
				where c.status = 'OPEN' and c.merchant_no like ? and c.process_instance_id is not null
				  and not exists (select 1 from case_document d where d.case_number = c.case_number)""")
			.param(DEMO_MERCHANTS)
			.query(String.class)
			.list()
			.forEach(this::attachTo);
	}

	/** A specimen for each document code the case's application names. */
	public void attachTo(String caseNumber) {
		record Case(String processInstanceId, String merchantName) {
		}
		Case c = jdbc.sql("""
				select c.process_instance_id, m.name from unbinding_case c
				join merchant m on m.merchant_no = c.merchant_no where c.case_number = ?""")
			.param(caseNumber)
			.query((rs, n) -> new Case(rs.getString(1), rs.getString(2)))
			.single();
		Object declared;
		try {
			declared = runtime.getVariable(c.processInstanceId(), DOCUMENTS);
		}
		catch (RuntimeException ex) {
			return; // the case ended in between
		}
		try {
			for (String code : DocumentService.parse((String) declared)) {
				if (DocumentService.CODES.contains(code)) {
					documents.addFile(caseNumber, code, new ByteArrayInputStream(specimen(code, c.merchantName())),
							SUPPLIER, true);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		log.info("Demo: specimen documents attached to case {}", caseNumber);
	}

	/** A card-like PNG: the document's name, the merchant's name, and 样本 / SPECIMEN across it. */
	static byte[] specimen(String code, String merchantName) throws IOException {
		int width = 800;
		int height = 500;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			String family = Watermark.cjkFamily() != null ? Watermark.cjkFamily() : Font.SANS_SERIF;
			boolean chinese = Watermark.cjkFamily() != null;
			g.setColor(new Color(245, 242, 232));
			g.fillRect(0, 0, width, height);
			g.setColor(new Color(120, 110, 90));
			g.setStroke(new BasicStroke(4));
			g.drawRoundRect(12, 12, width - 24, height - 24, 24, 24);
			g.setColor(new Color(60, 60, 60));
			g.setFont(new Font(family, Font.BOLD, 40));
			g.drawString(chinese ? DocumentService.nameZh(code) : DocumentService.nameEn(code), 50, 90);
			g.setFont(new Font(family, Font.PLAIN, 26));
			g.drawString(DocumentService.nameEn(code), 50, 135);
			g.drawString(chinese ? merchantName : "Demo merchant", 50, 200);
			g.drawString(chinese ? "示例数据，非真实证件 · 演示专用" : "Made-up data, not a real document · demo only", 50, 245);
			g.setColor(new Color(180, 180, 180));
			g.fillRect(560, 150, 180, 220);
			g.setColor(new Color(200, 30, 30, 110));
			g.setFont(new Font(family, Font.BOLD, 150));
			g.rotate(Math.toRadians(-20), width / 2.0, height / 2.0);
			g.drawString(chinese ? "样本" : "SPECIMEN", chinese ? 240 : 60, 380);
			g.setFont(new Font(family, Font.BOLD, 40));
			g.drawString("SPECIMEN · 样本", 250, 450);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
