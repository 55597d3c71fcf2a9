package org.unbinddesk.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's ChromeDriver (both set explicitly: nothing is downloaded), with
 * the waits and screenshots the web app tests need. It is set up like a desk at the acquirer: Simplified Chinese,
 * the business time zone (Asia/Shanghai). Where the browser is not installed the tests are skipped on a developer's
 * machine and fail in CI.
 */
public final class Browser implements AutoCloseable {

	public static final String CHROMIUM = "/usr/bin/chromium";

	public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	/** The business time zone the desk's staff work in. */
	public static final String BUSINESS_TIME_ZONE = "Asia/Shanghai";

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** axe-core, installed by {@code npm ci} from package.json. */
	private static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");

	private final WebDriver driver;

	private final WebDriverWait wait;

	private Browser(WebDriver driver) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	public static Browser start() {
		return start(BUSINESS_TIME_ZONE);
	}

	/** A browser on a computer set to another time zone (the web apps show times in the computer's zone). */
	public static Browser start(String timeZone) {
		boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
		if (!installed && System.getenv("CI") != null) {
			Assertions.fail("Chromium and ChromeDriver are missing: .ci/run installs them (apt-get install chromium chromium-driver)");
		}
		Assumptions.assumeTrue(installed, "Chromium not installed: apt-get install chromium chromium-driver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1400,1300", "--lang=zh-CN", "--no-first-run", "--disable-quic",
				"--disable-background-networking", "--disable-component-update", "--disable-sync");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.withEnvironment(Map.of("TZ", timeZone))
			.build();
		return new Browser(new ChromeDriver(service, options));
	}

	/** Errors the page wrote to the browser console. */
	public java.util.List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(org.openqa.selenium.logging.LogType.BROWSER)
			.getAll()
			.stream()
			.filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(e -> e.getMessage())
			.toList();
	}

	/**
	 * Runs axe-core on the part of the page matched by {@code include} (a CSS selector: the markup that is ours, such
	 * as a form inside Tasklist's own dialog) and returns its violations as "rule: target summary" lines.
	 */
	@SuppressWarnings("unchecked")
	public java.util.List<String> accessibilityViolations(String include) {
		if (!Files.isReadable(AXE)) {
			Assertions.fail("axe-core is missing: run npm ci");
		}
		waitFor(By.cssSelector(include));
		try {
			((JavascriptExecutor) driver).executeScript(Files.readString(AXE));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run({include: [[arguments[0]]]}, {resultTypes: ['violations']})
				  .then(r => done(r.violations.flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ') + ' ' + n.failureSummary))))
				  .catch(e => done(['axe failed: ' + e]));
				""", include);
		return (java.util.List<String>) result;
	}

	public WebDriver driver() {
		return driver;
	}

	public void open(String url) {
		driver.get(url);
	}

	public WebElement waitFor(By by) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/** Clicks once the element can be clicked, again if Angular re-rendered it meanwhile. */
	public void click(By by) {
		for (int attempt = 0;; attempt++) {
			try {
				WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
				scrollToCentre(element);
				wait.until(ExpectedConditions.elementToBeClickable(element)).click();
				return;
			}
			catch (StaleElementReferenceException | ElementClickInterceptedException ex) {
				// re-rendered or still moving after the scroll: look again
				if (attempt > 5) {
					throw ex;
				}
				pause();
			}
		}
	}

	/**
	 * Clicks a button now if it is enabled, without waiting for it to become so (a form that turns invalid disables
	 * its submit button at any moment: waiting for it would wait for nothing).
	 */
	public void clickIfEnabled(By by) {
		WebElement element = waitFor(by);
		scrollToCentre(element);
		if (element.isEnabled()) {
			element.click();
		}
	}

	/** Tasklist's fixed footer covers the bottom of a long form. */
	private void scrollToCentre(WebElement element) {
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
	}

	/** Waits until the element is shown but cannot be used (a button disabled). */
	public void waitUntilDisabled(By by) {
		wait.until(d -> {
			WebElement element = d.findElement(by);
			return element.isDisplayed() && !element.isEnabled();
		});
	}

	private static void pause() {
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public void type(By by, String text) {
		WebElement field = waitFor(by);
		field.clear();
		field.sendKeys(text);
	}

	public void waitUntilGone(By by) {
		wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
	}

	public void waitForText(String text) {
		wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
	}

	/**
	 * Waits until the element shows every one of the texts (Tasklist fills a task's columns in after it shows the
	 * task), then gives its text.
	 */
	public String waitForTextsIn(By by, String... texts) {
		return wait.until(d -> {
			String shown = d.findElement(by).getText();
			return java.util.Arrays.stream(texts).allMatch(shown::contains) ? shown : null;
		});
	}

	/** Waits until the page shows one of the texts. */
	public void waitForAnyText(String... texts) {
		wait.until(d -> {
			String body = d.findElement(By.tagName("body")).getText();
			return java.util.Arrays.stream(texts).anyMatch(body::contains);
		});
	}

	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
					StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

}
